/*
 * Chromium for the bench: the same Debian Chromium and unpacked extension as the e2e tests, with
 * or without DevTools, plus the probes the suites need: a page's JS heap after a full GC and its
 * CPU time around some work (CDP), and a tap inside the real panel frame that counts the batches
 * it has handled.
 */
import { existsSync } from "node:fs";
import puppeteer, { type Browser, type Frame, type Page } from "puppeteer-core";
import { extensionDir, openWithPanel, showPanel, until, type Inspected } from "../e2e/harness.ts";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Both browsers load the extension, so every variant pays for its content script alike. */
export async function launch(devtools: boolean): Promise<Browser> {
  if (!existsSync(`${extensionDir}/manifest.json`)) throw new Error(`no built extension in ${extensionDir}: run "npm run package" first`);
  return puppeteer.launch({
    executablePath: chromium,
    headless: true,
    devtools,
    pipe: true,
    protocolTimeout: 600_000,
    enableExtensions: [extensionDir],
    defaultViewport: { width: 1200, height: 800 },
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Used JS heap in bytes after two forced full collections. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `work` after a full GC (every run starts from the same heap) and gives the CPU time the
 * page's renderer used meanwhile: its main thread (Chrome's ThreadTime, which the machine's other
 * load barely moves) and the whole process.
 */
export async function withCpuTime<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; threadMs: number; processMs: number }> {
  await heapUsed(page);
  const cdp = await page.createCDPSession();
  try {
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const read = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
      return { thread: metric("ThreadTime"), process: metric("ProcessTime") };
    };
    const before = await read();
    const result = await work();
    const after = await read();
    return { result, threadMs: after.thread - before.thread, processMs: after.process - before.process };
  } finally {
    await cdp.detach();
  }
}

export interface PanelTap {
  /** Events in batch messages the panel has finished handling. */
  events: number;
  dropped: number;
  /** Epoch ms (performance.timeOrigin + now) after the last batch was handled. */
  lastAt: number;
  /** Snapshots received: the page's agent answered the panel's connect. */
  snapshots: number;
}

/**
 * Runs in every frame of the DevTools window from its start; in our panel it sees each page
 * message's body as the panel parses it (a wrapped JSON.parse: no second parse of each frame,
 * which would double the panel's own work) and, by a port listener added after the panel's own,
 * counts it once the panel has handled it.
 */
const TAP = `(() => {
  if (location.protocol !== "chrome-extension:" || !location.pathname.endsWith("/panel/index.html")) return;
  const tap = (window.__benchTap = { events: 0, dropped: 0, lastAt: 0, snapshots: 0 });
  let parsed = { events: 0, dropped: 0, snapshots: 0 };
  const parse = JSON.parse;
  JSON.parse = function (...args) {
    const body = parse.apply(this, args);
    if (body && body.source === "solid-query-devtools:page") {
      if (body.kind === "snapshot") parsed.snapshots++;
      if (body.kind === "batch") (parsed.events += body.events.length), (parsed.dropped += body.dropped);
    }
    return body;
  };
  const onMessage = (frame) => {
    if (!frame || typeof frame.json !== "string") return;
    tap.events += parsed.events;
    tap.dropped += parsed.dropped;
    tap.snapshots += parsed.snapshots;
    parsed = { events: 0, dropped: 0, snapshots: 0 };
    if (frame.kind === "batch") tap.lastAt = performance.timeOrigin + performance.now();
  };
  for (const api of [globalThis.chrome, globalThis.browser]) {
    const runtime = api && api.runtime;
    if (!runtime || runtime.__benchTapped) continue;
    const connect = runtime.connect;
    runtime.connect = function (...args) {
      const port = connect.apply(this, args);
      queueMicrotask(() => port.onMessage.addListener(onMessage));
      return port;
    };
    runtime.__benchTapped = true;
  }
})()`;

/** Opens `url` with DevTools on the real panel, reloaded with the tap installed. */
export async function openTappedPanel(browser: Browser, url: string): Promise<Inspected> {
  const inspected = await openWithPanel(browser, url);
  await inspected.devtools.evaluateOnNewDocument(TAP);
  await inspected.panel.evaluate(() => location.reload()).catch(() => {});
  const panel = await until("the tapped panel", async () => {
    const frame = await showPanel(inspected.devtools);
    return (await frame.evaluate(() => "__benchTap" in window)) ? frame : undefined;
  }, 20_000);
  return { ...inspected, panel };
}

/**
 * Opens `url` with DevTools on the tapped panel, ready to measure: an instrumented page once its
 * agent has answered the panel's connect, then half a second for the connection's first frames.
 */
export async function openConnected(browser: Browser, url: string, instrumented: boolean): Promise<Inspected> {
  const inspected = await openTappedPanel(browser, url);
  if (instrumented) await until("the page's agent to connect", async () => (await readTap(inspected.panel)).snapshots > 0, 20_000);
  await sleep(500);
  return inspected;
}

export async function readTap(panel: Frame): Promise<PanelTap> {
  return panel.evaluate(() => ({ ...(window as unknown as { __benchTap: PanelTap }).__benchTap }));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
