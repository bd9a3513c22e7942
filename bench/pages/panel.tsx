/*
 * The panel at scale: the real panel (panel/App.tsx over panel/store.ts, with its theme) in a
 * plain page, fed protocol-valid frames through a Wall whose delivery the bench controls, so
 * each figure is the panel's own work: decoding, validation, store update, render and layout.
 */
import { render } from "solid-js/web";
import { type PageFrame, type PageMessage } from "../../bridge/protocol.ts";
import { decodePageFrame, pageFrame } from "../../bridge/page-frame.ts";
import type { Wall } from "../../bridge/wall.ts";
import { App } from "../../panel/App.tsx";
import { createSettings, parseSettings } from "../../panel/settings/settings.ts";
import { createPanelStore } from "../../panel/store.ts";
import "../../panel/theme.css";
import type { PanelBench } from "./api.ts";
import { batchMessage, snapshotMessage } from "./synthetic.ts";

/** The panel's default log size: events of a snapshot beyond it are left out unread. */
const MAX_LOG = 10_000;
let deliver: (message: unknown) => void = () => {};
const wall: Wall = {
  send() {},
  listen(listener) {
    deliver = listener;
    return () => {};
  },
};
const store = createPanelStore(wall, { missingAfterMs: 1e9, maxLog: MAX_LOG });
// `?view=waterfall`: the view shown when the snapshot arrives (its first render), as a remembered setting would.
const settings = createSettings(undefined, parseSettings({ view: new URLSearchParams(location.search).get("view") }));
render(() => <App store={store} theme="light" settings={settings} />, document.getElementById("root")!);

/** Resolves after the next frame has been produced. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
/** What reaches the panel: the frame the page built (outside the timing), as a received copy. */
const arrive = (message: PageMessage): PageFrame => structuredClone(pageFrame(message));
/** Handles a message and forces style and layout, so the figure includes the DOM work it caused. */
function handle(message: unknown): number {
  const start = performance.now();
  deliver(message);
  void document.body.offsetHeight;
  return performance.now() - start;
}

let entriesInSnapshot = 10_000;
let seq = 0;
let prepared: { built: PageMessage; message: PageFrame } | undefined;

const bench: PanelBench = {
  prepareSnapshot(entries, events) {
    entriesInSnapshot = entries;
    const built = snapshotMessage(entries, events);
    prepared = { built, message: arrive(built) };
    seq = events;
  },
  async firstRender() {
    if (!prepared) throw new Error("prepareSnapshot first");
    const entries = entriesInSnapshot;
    await nextFrame();
    const start = performance.now();
    handle(prepared.message);
    await nextFrame();
    const ms = performance.now() - start;
    // For the breakdown, after the timed run, on a copy: the panel's whole first step, warm.
    const copy = arrive(prepared.built);
    const decodeStart = performance.now();
    if (!decodePageFrame(copy, MAX_LOG).ok) throw new Error("the synthetic snapshot is not a valid page message");
    const decodeMs = performance.now() - decodeStart;
    if (store.entries().size !== entries) throw new Error(`panel holds ${store.entries().size} entries, sent ${entries}`);
    return { ms, decodeMs, rows: document.querySelectorAll("[data-query-key], [data-wf-row]").length };
  },
  async parseFloor() {
    if (!prepared) throw new Error("prepareSnapshot first");
    await nextFrame(); // as the render starts
    const start = performance.now();
    JSON.parse(prepared.message.json);
    return performance.now() - start;
  },
  async live(eventsPerSecond, seconds, perBatch) {
    const updates: number[] = [];
    const interval = (1000 * perBatch) / eventsPerSecond;
    const batches = Math.round((eventsPerSecond * seconds) / perBatch);
    const start = performance.now();
    for (let b = 0; b < batches; b++) {
      const due = start + b * interval;
      while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now() - 1)));
      const message = arrive(batchMessage(seq + 1, perBatch, entriesInSnapshot));
      seq += perBatch;
      updates.push(handle(message));
    }
    return { updates, lateMs: performance.now() - (start + batches * interval) };
  },
  async feed(events, perBatch) {
    for (let sent = 0; sent < events; sent += perBatch) {
      handle(arrive(batchMessage(seq + 1, Math.min(perBatch, events - sent), entriesInSnapshot)));
      seq += perBatch;
      await nextTask();
    }
  },
  async showView(view) {
    document.querySelector<HTMLElement>(`[data-view="${view}"]`)!.click();
    await nextFrame();
  },
};
window.__bench = bench;
