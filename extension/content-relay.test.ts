/*
 * The content script's relay over in-memory walls: what it forwards each way, what it ignores,
 * what it counts, and how the panel hears of page messages it rejected.
 */
import { afterEach, expect, test, vi } from "vitest";
import { EXTENSION_SOURCE, PAGE_SOURCE, PROTOCOL, extensionNotice, pageMessage, panelCommand } from "../bridge/protocol.ts";
import { pageFrame } from "../bridge/page-frame.ts";
import type { Wall } from "../bridge/wall.ts";
import { createContentRelay } from "./content-relay.ts";

afterEach(() => void vi.useRealTimers());

function wall() {
  const listeners = new Set<(message: unknown) => void>();
  const sent: unknown[] = [];
  const side: Wall = { send: (message) => void sent.push(structuredClone(message)), listen: (l) => (listeners.add(l), () => listeners.delete(l)) };
  return { side, sent, deliver: (message: unknown) => listeners.forEach((listener) => listener(message)) };
}

const hello = pageFrame(pageMessage({ kind: "hello", routerVersion: "1.0.0", instrumented: true, url: "http://app.test/" }));
const badBatch = { source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch", json: { events: "nope" } };
/** A sound envelope around a broken body: reading bodies is the panel's job, off the page's thread. */
const brokenBody = { ...hello, json: "{" };

// Page frames with a valid envelope go to the service worker; other page traffic is ignored, not counted.
test("page to service worker", () => {
  const page = wall();
  const background = wall();
  const onReject = vi.fn();
  const relay = createContentRelay(page.side, background.side, { onReject });
  page.deliver(hello);
  page.deliver({ type: "webpackHotUpdate" });
  page.deliver("a string");
  page.deliver(panelCommand({ kind: "connect" })); // our own post to the page, heard back
  page.deliver(badBatch);
  page.deliver(brokenBody);
  expect(background.sent).toEqual([hello, brokenBody]);
  expect(relay.rejected).toEqual({ count: 1, lastReason: expect.stringMatching(/^json: /) });
  expect(onReject).toHaveBeenCalledWith("page", relay.rejected);
});

// Panel commands go to the page; a runtime that says hello after the panel connected is told to connect.
test("service worker to page, and the hello replay", () => {
  const page = wall();
  const background = wall();
  const relay = createContentRelay(page.side, background.side);
  page.deliver(hello);
  expect(page.sent).toEqual([]);
  background.deliver(panelCommand({ kind: "connect" }));
  expect(relay.panelConnected).toBe(true);
  page.deliver(hello);
  expect(page.sent).toEqual([panelCommand({ kind: "connect" }), panelCommand({ kind: "connect" })]);
  background.deliver(panelCommand({ kind: "disconnect" }));
  page.deliver(hello);
  expect(page.sent).toHaveLength(3);
  background.deliver({ source: "solid-query-devtools:panel", protocol: PROTOCOL, kind: "self-destruct" });
  background.deliver({ anything: 1 });
  expect(page.sent).toHaveLength(3);
  expect(relay.rejectedCommands.count).toBe(2);
});

// Rejections reach an open panel as one coalesced running count, and a newly opened panel gets
// the count so far at once; with no panel nothing is sent.
test("rejections are reported to the panel", () => {
  vi.useFakeTimers();
  const page = wall();
  const background = wall();
  createContentRelay(page.side, background.side, { reportMs: 100 });
  const notices = () => background.sent.filter((message) => (message as { source: string }).source === EXTENSION_SOURCE);
  page.deliver(badBatch);
  vi.advanceTimersByTime(500);
  expect(notices()).toEqual([]);
  background.deliver(panelCommand({ kind: "connect" }));
  expect(notices()).toEqual([extensionNotice({ kind: "rejected", count: 1, lastReason: expect.any(String), relayed: 0 })]);
  for (let i = 0; i < 50; i++) page.deliver({ ...badBatch, protocol: 7 });
  vi.advanceTimersByTime(100);
  expect(notices()).toHaveLength(2);
  expect(notices()[1]).toEqual(extensionNotice({ kind: "rejected", count: 51, lastReason: `protocol mismatch: got 7, expected ${PROTOCOL}`, relayed: 0 }));
  vi.advanceTimersByTime(1000);
  expect(notices()).toHaveLength(2);
  // The panel closes and opens again (or the worker restarted): it hears the running count afresh.
  background.deliver(panelCommand({ kind: "disconnect" }));
  background.deliver(panelCommand({ kind: "connect" }));
  expect(notices()).toHaveLength(3);
  expect(notices()[2]).toMatchObject({ count: 51 });
});

// Each report says how many frames went to the service worker before it, so the panel can tell
// how many it should have received in between; frames passed on with no panel count too.
test("reports count the frames passed on", () => {
  vi.useFakeTimers();
  const page = wall();
  const background = wall();
  createContentRelay(page.side, background.side, { reportMs: 100 });
  const notices = () => background.sent.filter((message) => (message as { source: string }).source === EXTENSION_SOURCE);
  page.deliver(hello);
  page.deliver(brokenBody);
  background.deliver(panelCommand({ kind: "connect" }));
  expect(notices()).toEqual([extensionNotice({ kind: "rejected", count: 0, relayed: 2 })]);
  for (let i = 0; i < 3; i++) page.deliver(hello);
  page.deliver(badBatch);
  vi.advanceTimersByTime(100);
  expect(notices()[1]).toMatchObject({ count: 1, relayed: 5 });
  // In order: the three frames, then the report that counts them.
  expect(background.sent.slice(-4).map((message) => (message as { kind: string }).kind)).toEqual(["hello", "hello", "hello", "rejected"]);
  vi.advanceTimersByTime(1000);
  expect(notices()).toHaveLength(2);
});
