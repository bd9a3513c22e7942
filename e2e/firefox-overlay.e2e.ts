/*
 * The in-page overlay in real Firefox, with no extension: the demo served with
 * `queryDevtools({ overlay: true })`; the overlay's panel lists the keys, revalidates one
 * instance (one fetch of that key), and groups an action with the refetches it caused.
 * overlay.e2e.ts covers the rest (the app unchanged, keys, docking) in Chromium.
 */
import { resolve } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { queryDevtools } from "solid-query-devtools/vite";
import { createServer, type ViteDevServer } from "vite";
import solid from "vite-plugin-solid";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchFirefox } from "./firefox-harness.ts";
import { fetchCounts, root, until } from "./harness.ts";

const port = 5331;
/** Inside the overlay's shadow root. */
const inOverlay = (selector: string) => `[data-solid-query-devtools] >>> ${selector}`;
/** Waits for `selector` in the overlay (waitForSelector's mutation observer does not see into shadow roots). */
const waitInOverlay = (selector: string) => until(selector, async () => (await page.$(inOverlay(selector))) ?? undefined, 20_000);
const rowKeys = () => page.$$eval(inOverlay("[data-query-key]"), (rows) => rows.map((row) => row.getAttribute("data-query-key")!).sort());

let server: ViteDevServer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  // The demo's own config, with the overlay turned on.
  server = await createServer({
    configFile: false,
    root: resolve(root, "demo"),
    plugins: [solid(), queryDevtools({ overlay: true })],
    server: { port, strictPort: true },
    logLevel: "warn",
  });
  await server.listen();
  browser = await launchFirefox({ extension: false });
  page = await browser.newPage();
  // As in overlay.e2e.ts: room for the app above the docked panel (at 800×600 it covers the forms).
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForSelector('[data-fetch-key=\'projectTasks["3"]\']');
  await waitInOverlay("[data-overlay-button]");
  await page.click(inOverlay("[data-overlay-button]"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
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
  await page.type("#add-task-form-1 input[name=title]", "From the Firefox overlay test");
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
});
