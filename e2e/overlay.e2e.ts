/*
 * The in-page overlay in real Chromium with no extension: the demo served with
 * `queryDevtools({ overlay: true })` shows a button; the first click loads the panel chunk and
 * shows the same panel the extension does, over the overlay's own agent; its commands reach the
 * router; and the app's DOM and styles are the same with it open (the demo and the panel share
 * class names such as .row and .status, and both style button).
 */
import { resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { queryDevtools } from "solid-query-devtools/vite";
import { createServer, type ViteDevServer } from "vite";
import solid from "vite-plugin-solid";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fetchCounts, root, until } from "./harness.ts";

const PORT = 5320;
const URL = `http://localhost:${PORT}/`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Inside the overlay's shadow root. */
const inOverlay = (selector: string) => `[data-solid-query-devtools] >>> ${selector}`;
/** Waits for `selector` in the overlay (waitForSelector's mutation observer does not see into shadow roots). */
const waitInOverlay = (selector: string) => until(selector, async () => (await page.$(inOverlay(selector))) ?? undefined, 20_000);
/** App elements whose look must not change, one per rule the panel's stylesheet also has. */
const APP_ELEMENTS = ["body", "nav a", ".card .row", ".card button", "#fetch-counts", "main h1, main h2"];
/** The app's part of the window the docked panel leaves alone: the panel covers the bottom 320 px. */
const APP_REGION = { x: 0, y: 0, width: 1200, height: 420 };

let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The demo's own config, with the overlay turned on.
  server = await createServer({
    configFile: false,
    root: resolve(root, "demo"),
    plugins: [solid(), queryDevtools({ overlay: true })],
    server: { port: PORT, strictPort: true },
    logLevel: "warn",
  });
  await server.listen();
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
const rowKeys = () => page.$$eval(inOverlay("[data-query-key]"), (rows) => rows.map((row) => row.getAttribute("data-query-key")!).sort());

test("the button is all the app loads, and opening the panel changes nothing of the app", async () => {
  await waitInOverlay("[data-overlay-button]");
  expect(await panelChunkLoaded()).toBe(false);
  const styles = await computedStyles();
  const html = await appHtml();
  const shot = await page.screenshot({ clip: APP_REGION });

  await page.click(inOverlay("[data-overlay-button]"));
  await waitInOverlay('[data-query-key=\'projectTasks["3"]\']');
  expect(await panelChunkLoaded()).toBe(true);
  expect(await page.$(inOverlay("[data-overlay-button]:not([hidden])"))).toBeNull();

  expect(await computedStyles()).toEqual(styles);
  expect(await appHtml()).toBe(html);
  expect(Buffer.compare(await page.screenshot({ clip: APP_REGION }), shot)).toBe(0);
  // And the other way: the app's `.row` and `button` rules do not reach the panel.
  const panelRow = await page.$eval(inOverlay(".row[data-query-key]"), (row) => getComputedStyle(row).display);
  expect(panelRow).toBe("grid");
});

test("lists the demo's keys", async () => {
  await until("every project's row", async () => (await rowKeys()).length === 4);
  expect(await rowKeys()).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"]);
});

test("revalidating one row refetches exactly that key", async () => {
  const key = 'projectTasks["2"]';
  const before = await fetchCounts(page);
  await page.click(inOverlay(`[data-query-key='${key}'] [data-action="revalidate"]`));
  await until("the refetch", async () => (await fetchCounts(page))[key] === before[key] + 1);
  await new Promise((r) => setTimeout(r, 500));
  expect(await fetchCounts(page)).toEqual({ ...before, [key]: before[key] + 1 });
});

test("the timeline shows the addTask action with the refetches it caused", async () => {
  await page.click(inOverlay('[data-view="timeline"]'));
  await waitInOverlay(".timeline");
  await page.type("#add-task-form-1 input[name=title]", "From the overlay test");
  await page.click("#add-task-form-1 [type=submit]");
  const header = inOverlay('[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]');
  await until("the addTask group", async () => (await page.$(header)) ?? undefined, 20_000);
  const id = await page.$eval(header, (row) => row.getAttribute("data-action-id"));
  const refetched = await until("addTask's refetches", async () => {
    const keys = await page.$$eval(inOverlay(`[data-parent-action="${id}"][data-kind="fetch"][data-cause="revalidate"]`), (rows) =>
      rows.map((row) => row.getAttribute("data-key")!),
    );
    return keys.length === 4 ? keys : undefined;
  });
  expect(refetched.sort()).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"].sort());
  // The README's picture of the overlay over the demo, with this action's group in view.
  await page.screenshot({ path: resolve(root, "docs/overlay.png") });
});

test("the panel's keys act only while it has focus; the toggle shortcut works from anywhere", async () => {
  await page.click(inOverlay('[data-view="queries"]'));
  await waitInOverlay("input.filter");
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
  await waitInOverlay("[data-overlay-button]:not([hidden])");
  expect(await page.$(inOverlay("[data-overlay-frame]"))).toBeNull();
});

test("remembers open, place and size across reloads", async () => {
  await page.click(inOverlay("[data-overlay-button]"));
  await waitInOverlay("[data-overlay-frame]");
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
  await waitInOverlay('[data-overlay-frame][data-position="right"]');
  expect(await width()).toBe(400);
  await waitInOverlay('[data-query-key=\'projectTasks["3"]\']');
});
