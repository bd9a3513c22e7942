/*
 * The in-page overlay in real Chromium with no extension: the demo served with
 * `queryDevtools({ overlay: true })` shows a button; the first click loads the panel chunk and
 * shows the same panel the extension does, over the overlay's own agent; its commands reach the
 * router; and the app's DOM and styles are the same with it open (the demo and the panel share
 * class names such as .row and .status, and both style button).
 */
import { resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, expect, test } from "vitest";
import { root } from "./harness.ts";
import { expectAddTaskGroup, expectDemoKeys, expectOneRefetch, inOverlay, startOverlayDemo, waitInOverlay } from "./overlay-demo.ts";

const PORT = 5320;
const URL = `http://localhost:${PORT}/`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** App elements whose look must not change, one per rule the panel's stylesheet also has. */
const APP_ELEMENTS = ["body", "nav a", ".card .row", ".card button", "#fetch-counts", "main h1, main h2"];
/** The app's part of the window the docked panel leaves alone: the panel covers the bottom 320 px. */
const APP_REGION = { x: 0, y: 0, width: 1200, height: 420 };

let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startOverlayDemo(PORT);
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    pipe: true,
    defaultViewport: { width: 1200, height: 800 },
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  await page.goto(URL);
  await page.waitForSelector('[data-fetch-key=\'projectTasks["3"]\']');
  // The projects' cards, then a moment for the last renders: the app as the user sees it.
  await page.waitForSelector(".card .row button");
  await page.waitForSelector("main h1");
  await new Promise((r) => setTimeout(r, 500));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const computedStyles = () =>
  page.evaluate(
    (selectors) =>
      selectors.map((selector) => {
        const element = document.querySelector(selector);
        if (!element) return `${selector}: missing`;
        const style = getComputedStyle(element);
        return `${selector}: ${["color", "background-color", "font", "margin", "padding", "border", "display", "height", "width"].map((p) => style.getPropertyValue(p)).join(" | ")}`;
      }),
    APP_ELEMENTS,
  );
const appHtml = () => page.evaluate(() => document.body.outerHTML);
const panelChunkLoaded = () => page.evaluate(() => performance.getEntriesByType("resource").some((entry) => entry.name.includes("panel-mount")));

test("the button is all the app loads, and opening the panel changes nothing of the app", async () => {
  await waitInOverlay(page, "[data-overlay-button]");
  expect(await panelChunkLoaded()).toBe(false);
  const styles = await computedStyles();
  const html = await appHtml();
  const shot = await page.screenshot({ clip: APP_REGION });

  await page.click(inOverlay("[data-overlay-button]"));
  await waitInOverlay(page, '[data-query-key=\'projectTasks["3"]\']');
  expect(await panelChunkLoaded()).toBe(true);
  expect(await page.$(inOverlay("[data-overlay-button]:not([hidden])"))).toBeNull();

  expect(await computedStyles()).toEqual(styles);
  expect(await appHtml()).toBe(html);
  expect(Buffer.compare(await page.screenshot({ clip: APP_REGION }), shot)).toBe(0);
  // And the other way: the app's `.row` and `button` rules do not reach the panel.
  const panelRow = await page.$eval(inOverlay(".row[data-query-key]"), (row) => getComputedStyle(row).display);
  expect(panelRow).toBe("grid");
});

test("lists the demo's keys", () => expectDemoKeys(page));

test("revalidating one row refetches exactly that key", () => expectOneRefetch(page, 'projectTasks["2"]'));

test("the timeline shows the addTask action with the refetches it caused", async () => {
  await expectAddTaskGroup(page, "From the overlay test");
  // The README's picture of the overlay over the demo, with this action's group in view.
  await page.screenshot({ path: resolve(root, "docs/overlay.png") });
});

test("the panel's keys act only while it has focus; the toggle shortcut works from anywhere", async () => {
  await page.click(inOverlay('[data-view="queries"]'));
  await waitInOverlay(page, "input.filter");
  const activeInPanel = () => page.$eval("[data-solid-query-devtools]", (host) => host.shadowRoot!.activeElement?.className ?? null);
  // "/" typed in the app stays in the app.
  await page.click("#add-task-form-1 input[name=title]");
  await page.keyboard.type("a/b");
  expect(await page.$eval("#add-task-form-1 input[name=title]", (input) => (input as HTMLInputElement).value)).toBe("a/b");
  expect(await activeInPanel()).not.toBe("filter");
  // In the panel it focuses the filter.
  await page.click(inOverlay(".frame-bar .title"));
  await page.keyboard.press("/");
  expect(await activeInPanel()).toBe("filter");

  await page.click("nav");
  await page.keyboard.down("Alt");
  await page.keyboard.down("Shift");
  await page.keyboard.press("KeyD");
  await page.keyboard.up("Shift");
  await page.keyboard.up("Alt");
  await waitInOverlay(page, "[data-overlay-button]:not([hidden])");
  expect(await page.$(inOverlay("[data-overlay-frame]"))).toBeNull();
});

test("remembers open, place and size across reloads", async () => {
  await page.click(inOverlay("[data-overlay-button]"));
  await waitInOverlay(page, "[data-overlay-frame]");
  await page.click(inOverlay("[data-overlay-dock]"));
  // Drag the handle of the right-docked panel to 400 px from the right edge.
  const handle = (await page.$(inOverlay("[data-overlay-resize]")))!;
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(1200 - 400, box.y + 120, { steps: 4 });
  await page.mouse.up();
  const width = () => page.$eval(inOverlay("[data-overlay-frame]"), (frame) => frame.getBoundingClientRect().width);
  expect(await width()).toBe(400);

  await page.reload();
  await waitInOverlay(page, '[data-overlay-frame][data-position="right"]');
  expect(await width()).toBe(400);
  await waitInOverlay(page, '[data-query-key=\'projectTasks["3"]\']');
});
