/*
 * Real-browser harness: serves the instrumented demo with Vite, launches Debian's Chromium with
 * the built extension unpacked and DevTools open, and finds our panel's frame inside the real
 * DevTools window (see shared E2E notes). Tests drive the demo page and the panel side by side.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import puppeteer, { type Browser, type Frame, type Page } from "puppeteer-core";
import { createServer, type ViteDevServer } from "vite";

export const root = resolve(import.meta.dirname, "..");
export const extensionDir = resolve(root, "dist/extension");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function startDemo(port: number): Promise<ViteDevServer> {
  const server = await createServer({ configFile: resolve(root, "demo/vite.config.ts"), server: { port }, logLevel: "warn" });
  await server.listen();
  return server;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(resolve(extensionDir, "manifest.json"))) throw new Error(`no built extension in ${extensionDir}: run "npm run build" first`);
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    devtools: true,
    pipe: true,
    enableExtensions: [extensionDir],
    defaultViewport: { width: 1200, height: 800 },
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Inspected {
  page: Page;
  devtools: Page;
  panel: Frame;
}

/** Opens `url` in a new tab, waits for its DevTools window, and selects the "Solid Queries" panel. */
export async function openWithPanel(browser: Browser, url: string): Promise<Inspected> {
  const page = await browser.newPage();
  await page.goto(url);
  const devtools = await until("the tab's DevTools window", () => devtoolsFor(browser, url), 20_000);
  await devtools.setViewport({ width: 1280, height: 800 });
  const panel = await showPanel(devtools);
  return { page, devtools, panel };
}

/** The DevTools window whose inspected page is at `url` (every tab has one with devtools: true). */
async function devtoolsFor(browser: Browser, url: string): Promise<Page | undefined> {
  for (const target of browser.targets()) {
    if (!target.url().startsWith("devtools://devtools/bundled/devtools_app.html")) continue;
    const devtools = await target.asPage();
    const inspected = await devtools.evaluate(INSPECTED_URL).catch(() => undefined);
    if (inspected === url) return devtools;
  }
  return undefined;
}

const INSPECTED_URL = `(async () => {
  const sdk = await import("./core/sdk/sdk.js");
  return sdk.TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL();
})()`;

const SHOW_PANEL = `(async () => {
  const ui = await import("./ui/legacy/legacy.js");
  const view = ui.InspectorView.InspectorView.instance();
  const id = view.tabbedPane.tabIds().find((tab) => tab.startsWith("chrome-extension://"));
  if (!id) return false;
  await view.showPanel(id);
  return true;
})()`;

export async function showPanel(devtools: Page): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    // A string, not a function: the test runner would rewrite a function's dynamic import.
    const shown = await devtools.evaluate(SHOW_PANEL);
    // Look the frame up every time: it is replaced when it moves out of process.
    const frame = devtools.frames().find((f) => f.url().endsWith("/panel/index.html") && !f.detached);
    if (shown && frame && (await frame.$(".app").catch(() => null))) return frame;
    if (Date.now() > deadline) throw new Error("the Solid Queries panel never appeared in DevTools");
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The demo's own count of API calls per query key (rendered by the page). */
export async function fetchCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval("#fetch-counts [data-fetch-key]", (items) =>
    Object.fromEntries(items.map((li) => [li.getAttribute("data-fetch-key")!, Number(li.getAttribute("data-count"))])),
  );
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Gives the panel the whole DevTools window, for screenshots. */
export async function undock(devtools: Page): Promise<void> {
  await devtools.evaluate(`(async () => {
    const ui = await import("./ui/legacy/legacy.js");
    ui.DockController.DockController.instance().setDockSide("undocked");
  })()`);
  await new Promise((r) => setTimeout(r, 500));
}
