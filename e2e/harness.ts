/*
 * Real-browser harness: serves the instrumented demo with Vite, launches Debian's Chromium with
 * the packaged extension (the Chrome zip, extracted) and DevTools open, and finds our panel's
 * frame inside the real DevTools window (see shared E2E notes). Tests drive the demo page and the
 * panel side by side.
 */
import { existsSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { resolve } from "node:path";
import puppeteer, { type Browser, type Frame, type Page, type Target } from "puppeteer-core";
import { createServer, type ServerOptions, type ViteDevServer } from "vite";
import { packageFiles } from "../extension/package-files.ts";

export const root = resolve(import.meta.dirname, "..");
/**
 * The Chrome zip's contents, as `npm run package` extracts them: the tests load what users install.
 * E2E_EXTENSION_DIR points at another unpacked build (e.g. one not shared with other runs).
 */
export const extensionDir = process.env.E2E_EXTENSION_DIR ? resolve(process.env.E2E_EXTENSION_DIR) : packageFiles(root).chrome.unzipped;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** `server`: more of Vite's server options (a host to listen on, host names to allow). */
export async function startDemo(port: number, server: ServerOptions = {}): Promise<ViteDevServer> {
  const vite = await createServer({ configFile: resolve(root, "demo/vite.config.ts"), server: { ...server, port }, logLevel: "warn" });
  await vite.listen();
  return vite;
}

/** `extraArgs`: more Chromium switches (e.g. --host-resolver-rules); `extension`: another unpacked build. */
export async function launchBrowser({ extraArgs = [], extension = extensionDir }: { extraArgs?: string[]; extension?: string } = {}): Promise<Browser> {
  if (!existsSync(resolve(extension, "manifest.json"))) throw new Error(`no built extension in ${extension}: run "npm run package" first`);
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    devtools: true,
    pipe: true,
    enableExtensions: [extension],
    defaultViewport: { width: 1200, height: 800 },
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
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
  // Under load the new tab is sometimes left in the background: hidden, it (and its docked DevTools)
  // would not render, and every click would wait forever.
  await page.bringToFront();
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
    // A DevTools window that is still starting throws ("Unable to create settings"): try again.
    const shown = await devtools.evaluate(SHOW_PANEL).catch(() => false);
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

/** Gives the panel the whole DevTools window, for screenshots (the inspected page is hidden meanwhile). */
export const undock = (devtools: Page) => setDockSide(devtools, "undocked");
export const dock = (devtools: Page) => setDockSide(devtools, "right");

async function setDockSide(devtools: Page, side: string): Promise<void> {
  await devtools.evaluate(`(async () => {
    const ui = await import("./ui/legacy/legacy.js");
    ui.DockController.DockController.instance().setDockSide("${side}");
  })()`);
  await new Promise((r) => setTimeout(r, 500));
}

// ─── Lifecycle helpers: tabs, DevTools windows, the service worker, plain pages ───────────────

/** What the page and the content script said to each other over window.postMessage, in order. */
export interface BridgeTraffic {
  /** Kinds the page's runtime posted (hello, snapshot, batch, …). */
  page: string[];
  /** Kinds of panel commands the content script posted to the page (connect, get-snapshot, …). */
  panel: string[];
}

/*
 * Installed in the page's main world before its scripts run: only listens to the window's message
 * events (which both worlds share), so it observes the real traffic without taking part in it.
 */
const OBSERVE_BRIDGE = `(() => {
  const traffic = { page: [], panel: [] };
  Object.defineProperty(window, "__bridgeTraffic", { value: traffic });
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.source !== window || typeof data !== "object" || data === null) return;
    if (data.source === "solid-query-devtools:page") traffic.page.push(data.kind);
    if (data.source === "solid-query-devtools:panel") traffic.panel.push(data.kind);
  });
})()`;

/** A new tab at `url` whose bridge traffic `bridgeTraffic` can read (from its first message on). */
export async function openObservedTab(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(OBSERVE_BRIDGE);
  await page.goto(url);
  return page;
}

/** The traffic of the current document (a reload starts afresh). */
export async function bridgeTraffic(page: Page): Promise<BridgeTraffic> {
  return page.evaluate(() => {
    const traffic = (window as unknown as { __bridgeTraffic: BridgeTraffic }).__bridgeTraffic;
    return { page: [...traffic.page], panel: [...traffic.panel] };
  });
}

/** Finds the DevTools window that every tab gets (devtools: true) for `page`, and selects our panel. */
export async function panelFor(browser: Browser, page: Page): Promise<Inspected> {
  const url = page.url();
  const devtools = await until("the tab's DevTools window", () => devtoolsFor(browser, url), 20_000);
  await devtools.setViewport({ width: 1280, height: 800 });
  const panel = await showPanel(devtools);
  await page.bringToFront();
  return { page, devtools, panel };
}

/** Closes the tab's DevTools window, as the user closing DevTools would (the panel page goes away). */
export async function closeDevtools(inspected: Inspected): Promise<void> {
  const target = inspected.devtools.target();
  await inspected.devtools.close();
  await until("the DevTools window to close", async () => !inspected.page.browser().targets().includes(target));
  // Headless Chromium leaves the tab hidden then (no rendering: clicks would wait forever).
  await inspected.page.bringToFront();
}

/** Opens DevTools again on the same tab (CDP Target.openDevTools) and selects our panel. */
export async function reopenDevtools(page: Page): Promise<Inspected> {
  const devtools = await page.openDevTools();
  // The browser's default viewport emulation would apply to this window too and, unlike the real
  // window size, break hit-testing of mouse clicks in the panel: use the window as it is.
  await devtools.setViewport(null);
  const panel = await showPanel(devtools);
  await page.bringToFront();
  return { page, devtools, panel };
}

export const isExtensionWorker = (target: Target) => target.type() === "service_worker" && target.url().startsWith("chrome-extension://");

/**
 * Stops every service worker as the browser does when it decides to (E2E notes): the extension's
 * worker ends, and with it every port connected to it.
 */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const session = await page.createCDPSession();
  try {
    await session.send("ServiceWorker.enable");
    await session.send("ServiceWorker.stopAllWorkers");
  } finally {
    await session.detach();
  }
}

/** A tiny HTTP server with fixed pages: a page with no runtime for the panel to find. */
export async function startStaticServer(port: number, pages: Record<string, string>): Promise<Server> {
  const server = createHttpServer((request, response) => {
    const body = pages[new URL(request.url ?? "/", "http://localhost").pathname];
    response.writeHead(body === undefined ? 404 : 200, { "content-type": "text/html; charset=utf-8" });
    response.end(body ?? "not found");
  });
  await new Promise<void>((done, fail) => server.once("error", fail).listen(port, "localhost", done));
  return server;
}

/** Keys of the rows of query `query` in the Queries view. */
export async function rowKeys(panel: Frame, query: string): Promise<string[]> {
  return panel.$$eval(`[data-query="${query}"][data-query-key]`, (rows) => rows.map((r) => r.getAttribute("data-query-key")!));
}

/** Every row key in the Queries view. */
export async function allRowKeys(panel: Frame): Promise<string[]> {
  return panel.$$eval("[data-query-key]", (rows) => rows.map((r) => r.getAttribute("data-query-key")!).sort());
}

/** Texts of the timeline's marker lines (reloads, navigations), in order. */
export async function markers(panel: Frame): Promise<string[]> {
  return panel.$$eval('.timeline [data-kind="marker"]', (lines) => lines.map((l) => l.querySelector(".muted")?.textContent ?? ""));
}

/** Sets the timeline's kind chips so that only `kinds` show (markers always do): fewer rows to scroll. */
export async function showOnlyKinds(panel: Frame, kinds: string[]): Promise<void> {
  for (const chip of await panel.$$("[data-kind-filter]")) {
    const [kind, pressed] = await chip.evaluate((el) => [el.getAttribute("data-kind-filter")!, el.getAttribute("aria-pressed") === "true"] as const);
    if (pressed !== kinds.includes(kind)) await chip.click();
  }
  await until("the kind filter", async () => {
    const states = await panel.$$eval("[data-kind-filter]", (chips) => chips.map((c) => [c.getAttribute("data-kind-filter"), c.getAttribute("aria-pressed")]));
    return states.every(([kind, pressed]) => (pressed === "true") === kinds.includes(kind!));
  });
}

export interface DemoSession {
  browser: Browser;
  inspected: Inspected;
  close(): Promise<void>;
}

/** The demo served on `port`, opened in Chromium with the panel showing its loaded projects. */
export async function openDemo(port: number): Promise<DemoSession> {
  const server = await startDemo(port);
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const inspected = await openWithPanel(browser, `http://localhost:${port}/`);
    await inspected.page.waitForSelector('[data-fetch-key=\'projectTasks["3"]\']');
    await inspected.panel.waitForSelector('[data-query-key=\'projectTasks["3"]\']');
    return { browser, inspected, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Clicks the view's tab until the tab says it is selected (a click that missed it is made again),
 * then waits for the view, or fails with the error a failing view shows.
 */
export async function showView(panel: Frame, view: "queries" | "timeline" | "waterfall") {
  const tab = `[data-view="${view}"]`;
  await until(`the ${view} tab to be selected`, async () => {
    await panel.click(tab);
    return panel.$(`${tab}[aria-selected="true"]`);
  });
  const shown = await panel.waitForSelector(`${view === "queries" ? "[data-summary]" : `.${view}`}, [data-notice="view-error"]`);
  const failed = await shown!.evaluate((el) => (el.matches('[data-notice="view-error"]') ? el.textContent : null));
  if (failed) throw new Error(`the ${view} view failed: ${failed}`);
}

/** The last successful run of action `name` in the timeline: the keys its group refetched (once there are `fetches`) and its summary. */
export async function actionGroup(panel: Frame, name: string, fetches: number) {
  const header = `[data-kind="action"][data-action-name="${name}"][data-outcome="ok"]`;
  await panel.waitForSelector(header, { timeout: 15_000 });
  const id = await panel.$$eval(header, (rows) => rows.at(-1)!.getAttribute("data-action-id"));
  const refetched = await until(`${name}'s refetches`, async () => {
    const keys = await panel.$$eval(`[data-parent-action="${id}"][data-kind="fetch"][data-cause="revalidate"]`, (rows) =>
      rows.map((r) => r.getAttribute("data-key")!),
    );
    return keys.length === fetches ? keys : undefined;
  });
  const summary = await panel.$eval(`[data-summary-of="${id}"] [data-summary-text]`, (el) => el.textContent ?? "");
  const by = await panel.$eval(`[data-summary-of="${id}"]`, (el) => el.querySelector(".source-link")?.textContent ?? undefined);
  return { refetched, summary, by };
}

/** Shows the timeline and sets its "preserve log" box (a remembered setting) to `on`. */
export async function setPreserveLog(panel: Frame, on: boolean) {
  await showView(panel, "timeline");
  const box = '[data-setting="preserve-log"]';
  if ((await panel.$eval(box, (el) => (el as HTMLInputElement).checked)) !== on) await panel.click(box);
  await until(`preserve log ${on ? "on" : "off"}`, async () => (await panel.$eval(box, (el) => (el as HTMLInputElement).checked)) === on);
}
