/*
 * Bridge throughput, page side: the real agent (runtime/agent.ts) over the real window wall,
 * fed by a stand-in hook whose real recorder records synthetic events, so the content script,
 * service worker and panel carry as much as they can. The raw floor posts the same batch payloads
 * to a plain message listener in this page, with no validation and no extension.
 */
import { PROTOCOL, type DevtoolsEvent } from "../../bridge/protocol.ts";
import { createWindowWall } from "../../bridge/window-wall.ts";
import { createAgent } from "../../runtime/agent.ts";
import { eventLog, noEdits, type DevtoolsHook } from "../../runtime/devtools-hook.ts";
import { Recorder } from "../../runtime/recorder.ts";
import type { BridgeBench } from "./api.ts";
import { batchMessage, indexOfKey, syntheticEntry, syntheticEvent } from "./synthetic.ts";

const KEYS = 1_000;
const recorder = new Recorder(10_000);
let seq = 0;

const hook: DevtoolsHook = {
  protocol: PROTOCOL,
  routerVersion: "1.0.0",
  instrumented: true,
  ...noEdits("a stand-in hook"),
  ...eventLog(recorder),
  snapshot: () => ({ entries: [], events: [], dropped: 0 }),
  entry: (key) => syntheticEntry(indexOfKey(key), seq),
  keys: () => [],
  revalidate() {},
  invalidate() {},
  delete() {},
  inspect: () => ({ type: "special", text: "undefined" }),
};
const agent = createAgent(hook, createWindowWall(window), () => location.href);

/** Records the synthetic event as the runtime would (the recorder stamps its own seq and time). */
function record(event: DevtoolsEvent) {
  switch (event.kind) {
    case "invalidated":
      return event.keys.forEach((key) => recorder.invalidated(key, event.actionId));
    case "fetch-start":
      return recorder.fetchStart(event.key, event.fetchId, event.cause, event.revalidation);
    case "fetch-settle":
      return recorder.fetchSettle(event.key, event.fetchId, event.time - event.ms, event.ok ? (event.stored ? "stored" : "ok") : "error", undefined);
    default:
      throw new Error(`no synthetic ${event.kind} events`);
  }
}

const now = () => performance.timeOrigin + performance.now();
/** Yields to the event loop without timer clamping. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

const RAW = "bench:raw";
let rawReceived = 0;
let rawLastAt = 0;
window.addEventListener("message", (event) => {
  const data = event.data as { source?: unknown; payload?: { events: unknown[] } };
  if (event.source !== window || data?.source !== RAW) return;
  rawReceived += data.payload!.events.length;
  rawLastAt = now();
});

const bench: BridgeBench = {
  connected: () => agent.connected,
  async stream(events, chunk) {
    const firstSentAt = now();
    let sent = 0;
    while (sent < events) {
      const n = Math.min(chunk, events - sent);
      for (let i = 0; i < n; i++) record(syntheticEvent(++seq, KEYS));
      sent += n;
      await nextTask();
    }
    return { sentEvents: sent, firstSentAt, lastSentAt: now() };
  },
  async raw(events, chunk) {
    const payloads = [];
    for (let sent = 0; sent < events; sent += chunk) payloads.push(batchMessage(sent + 1, Math.min(chunk, events - sent), KEYS));
    rawReceived = 0;
    const start = now();
    for (const payload of payloads) {
      window.postMessage({ source: RAW, payload }, "*");
      await nextTask();
    }
    while (rawReceived < events) await nextTask();
    return { receivedEvents: rawReceived, ms: rawLastAt - start };
  },
};
window.__bench = bench;
