/*
 * The panel store across the inspected page's lifecycle: a new document (reload, navigation)
 * versus the same document reconnecting after a service-worker restart, "preserve log", and
 * snapshots that bring history the panel missed.
 */
import { expect, test, vi } from "vitest";
import type { DevtoolsEvent, Entry } from "../bridge/protocol.ts";
import { SESSION_FORMAT } from "./session.ts";
import type { LogItem } from "./store.ts";
import { storeHarness } from "./test-store.ts";

const entry = (key: string, fetches = 1): Entry => ({
  key,
  query: key.replace(/\[.*$/, ""),
  args: { type: "special", text: "undefined" },
  status: "ready",
  updatedAt: 1,
  createdAt: 1,
  intent: "initial",
  observers: 1,
  fetches,
  hydrated: false,
});
const created = (seq: number, key: string): DevtoolsEvent => ({ kind: "entry-created", seq, time: seq, key, query: key, intent: "initial" });
/** The log as text: markers by their text, events by kind and sequence number. */
const lines = (log: readonly LogItem[]) => log.map((item) => (item.kind === "marker" ? item.text : `${item.kind}#${item.seq}`));

test("the same document after a service-worker restart keeps its entries and log; the snapshot fills the gap in order", () => {
  const h = storeHarness();
  h.pageConnected("http://app.test/", "aa");
  h.snapshot([entry("a[]")], [created(1, "a[]"), created(2, "b[]")]);
  h.batch([created(5, "e[]")]);
  expect(lines(h.store.log())).toEqual(["entry-created#1", "entry-created#2", "entry-created#5"]);

  // The worker restarts: the content script reconnects, naming the same document.
  h.pageConnected("http://app.test/", "aa");
  expect(h.store.state.status).toBe("found");
  expect([...h.store.entries().keys()]).toEqual(["a[]"]);
  // Events 3 and 4 were posted while the worker was down; the page's snapshot has them all.
  h.snapshot([entry("a[]", 2)], [1, 2, 3, 4, 5, 6].map((seq) => created(seq, `k${seq}[]`)));
  expect(lines(h.store.log())).toEqual([1, 2, 3, 4, 5, 6].map((seq) => `entry-created#${seq}`));
  expect(h.store.entries().get("a[]")!.fetches).toBe(2);
});

test("a reload without preserve log: a marker, then only the new document's events", () => {
  const h = storeHarness();
  h.pageConnected("http://app.test/", "aa");
  h.snapshot([entry("a[]")], [created(1, "a[]"), created(2, "b[]")]);
  h.pageDisconnected();
  h.pageConnected("http://app.test/", "bb");
  expect(h.store.state.status).toBe("connecting");
  expect(h.store.entries().size).toBe(0);
  expect(lines(h.store.log())).toEqual(["page loaded: http://app.test/"]);
  // The new document's sequence numbers start again at 1: its snapshot is not mistaken for old events.
  h.snapshot([entry("c[]")], [created(1, "c[]")]);
  expect(lines(h.store.log())).toEqual(["page loaded: http://app.test/", "entry-created#1"]);
  expect([...h.store.entries().keys()]).toEqual(["c[]"]);
});

test("a navigation with preserve log: old events stay, the new document's reuse of sequence numbers is kept apart", () => {
  const h = storeHarness();
  h.pageConnected("http://app.test/", "aa");
  h.snapshot([entry("a[]")], [created(1, "a[]"), created(2, "b[]")]);
  h.store.setPreserveLog(true);
  h.pageDisconnected();
  h.pageConnected("http://app.test/stats", "bb");
  h.snapshot([entry("s[]")], [created(1, "s[]"), created(2, "t[]")]);
  h.batch([created(3, "u[]")]);
  // And a worker restart on the new page: nothing doubled.
  h.pageConnected("http://app.test/stats", "bb");
  h.snapshot([entry("s[]")], [created(1, "s[]"), created(2, "t[]"), created(3, "u[]")]);
  expect(lines(h.store.log())).toEqual([
    "entry-created#1",
    "entry-created#2",
    "page unloaded",
    "page loaded: http://app.test/stats",
    "entry-created#1",
    "entry-created#2",
    "entry-created#3",
  ]);
});

test("a document restored from the back/forward cache after the worker saw it go is a page load again", () => {
  const h = storeHarness();
  h.pageConnected("http://app.test/", "aa");
  h.pageDisconnected();
  h.pageConnected("http://app.test/", "aa");
  expect(lines(h.store.log())).toEqual(["page loaded: http://app.test/"]);
});

test("no runtime on the page: missing after the wait, whether or not a content script is there", () => {
  vi.useFakeTimers();
  try {
    const silent = storeHarness();
    const plain = storeHarness();
    plain.pageConnected("http://plain.test/", "cc");
    vi.advanceTimersByTime(1_999);
    expect(silent.store.state.status).toBe("connecting");
    expect(plain.store.state.status).toBe("connecting");
    vi.advanceTimersByTime(1);
    expect(silent.store.state.status).toBe("missing");
    expect(plain.store.state.status).toBe("missing");
    // A runtime that answers late is still found.
    plain.snapshot([entry("a[]")], []);
    expect(plain.store.state.status).toBe("found");
  } finally {
    vi.useRealTimers();
  }
});

// With coalescing (the extension's panel), what arrives is applied together, in arrival order,
// once per interval; an import in between wins over messages still waiting.
test("coalesced: applied together and in order", () => {
  vi.useFakeTimers();
  try {
    const h = storeHarness({ coalesceMs: 50 });
    h.pageConnected("http://app.test/", "01");
    h.snapshot([entry("a[]")], [created(1, "a[]")]);
    h.batch([created(2, "b[]")], [entry("b[]")]);
    expect(h.store.state.status).toBe("connecting");
    expect(h.store.log()).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(h.store.state.status).toBe("found");
    expect([...h.store.entries().keys()].sort()).toEqual(["a[]", "b[]"]);
    expect(h.store.log().map((item) => item.seq)).toEqual([1, 2]);
    h.batch([created(3, "c[]")], [entry("c[]")]);
    h.store.importSession({ format: SESSION_FORMAT, version: 1, exportedAt: 0, entries: [], events: [] });
    vi.advanceTimersByTime(50);
    expect(h.store.entries().size).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});

// The page forgets the watch list on every (re)connect: each snapshot is answered with it again.
// Export waits for a snapshot, which carries every value, not only the watched ones.
test("watched keys: sent once per change, again after each snapshot; export asks for a snapshot first", async () => {
  const h = storeHarness();
  const commands = () =>
    h.sent.map((c) => {
      const { kind, keys } = c as { kind: string; keys?: string[] };
      return keys ? `${kind} ${keys}` : kind;
    });
  h.pageConnected("http://app.test/", "aa");
  h.snapshot([entry("a[]"), entry("b[]")], []);
  h.store.watch(["a[]"]);
  h.store.watch(["a[]"]);
  expect(commands()).toEqual(["watch a[]"]);
  h.snapshot([entry("a[]")], []);
  expect(commands()).toEqual(["watch a[]", "watch a[]"]);
  h.store.watch([]);
  h.snapshot([entry("a[]")], []);
  expect(commands()).toEqual(["watch a[]", "watch a[]", "watch "]);

  // An update without args (sent once per connection) keeps the ones the panel has.
  h.snapshot([{ ...entry("a[]"), args: { type: "primitive", value: "x" } }], []);
  const { args, ...withoutArgs } = entry("a[]", 2);
  h.batch([], [withoutArgs as Entry]);
  expect(h.store.entries().get("a[]")).toMatchObject({ fetches: 2, args: { type: "primitive", value: "x" } });
  expect(args).toBeDefined();

  const exported = h.store.exportSession();
  expect(commands().at(-1)).toBe("get-snapshot");
  h.snapshot([{ ...entry("a[]"), value: { type: "primitive", value: 1 } }], []);
  expect((await exported).entries).toEqual([expect.objectContaining({ key: "a[]", value: { type: "primitive", value: 1 } })]);
});
