/*
 * The in-page overlay in real Firefox, with no extension: the demo served with
 * `queryDevtools({ overlay: true })`; the overlay's panel lists the keys, revalidates one
 * instance (one fetch of that key), and groups an action with the refetches it caused.
 * overlay.e2e.ts covers the rest (the app unchanged, keys, docking) in Chromium.
 */
import type { Browser, Page } from "puppeteer-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, test } from "vitest";
import { launchFirefox } from "./firefox-harness.ts";
import { expectAddTaskGroup, expectDemoKeys, expectOneRefetch, inOverlay, startOverlayDemo, waitInOverlay } from "./overlay-demo.ts";

const port = 5331;

let server: ViteDevServer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  server = await startOverlayDemo(port);
  browser = await launchFirefox({ extension: false });
  page = await browser.newPage();
  // As in overlay.e2e.ts: room for the app above the docked panel (at 800×600 it covers the forms).
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForSelector('[data-fetch-key=\'projectTasks["3"]\']');
  await waitInOverlay(page, "[data-overlay-button]");
  await page.click(inOverlay("[data-overlay-button]"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("lists the demo's keys", () => expectDemoKeys(page));

test("revalidating one row refetches exactly that key", () => expectOneRefetch(page, 'projectTasks["2"]'));

test("the timeline shows the addTask action with the refetches it caused", () => expectAddTaskGroup(page, "From the Firefox overlay test"));
