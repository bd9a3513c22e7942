/*
 * Drop accounting end to end: the page's history keeps its newest events (capacity), the agent
 * reads it for each batch, and the panel store must show exactly how many events it never got,
 * with entries still up to date. Agent ↔ panel store over an in-memory wall pair, with a scripted
 * hook on a real recorder instead of a router.
 */
import { afterEach, expect, test } from "vitest";
import { PROTOCOL, panelCommand, type Entry, type PageFrame, type PageMessage } from "../bridge/protocol.ts";
import { decodePageFrame } from "../bridge/page-frame.ts";
import { createWallPair } from "../bridge/wall.ts";
import { FLUSH_MS, createAgent } from "../runtime/agent.ts";
import { eventLog, noEdits, type DevtoolsHook } from "../runtime/devtools-hook.ts";
import { Recorder } from "../runtime/recorder.ts";
import { testEntry } from "./test-entry.ts";
import { createPanelStore } from "./store.ts";

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

/** Lets the agent's next flush go out and the wall deliver it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, FLUSH_MS + 1));

function scriptedHook(capacity: number) {
  const recorder = new Recorder(capacity);
  const entries = new Map<string, Entry>();
  const hook: DevtoolsHook = {
    protocol: PROTOCOL,
    routerVersion: "1.0.0",
    instrumented: true,
    ...noEdits("a stand-in hook"),
    ...eventLog(recorder),
    snapshot: () => ({ entries: [...entries.values()], events: hook.eventsSince(0).events, dropped: recorder.dropped }),
    entry: (key) => entries.get(key),
    keys: () => [...entries.keys()],
    revalidate: () => {},
    invalidate: () => {},
    delete: () => {},
    inspect: () => ({ type: "special", text: "undefined" }),
  };
  return {
    hook,
    /** One value-set event, the entry updated (fetches counts the writes). */
    set(key: string) {
      const fetches = (entries.get(key)?.fetches ?? 0) + 1;
      entries.set(key, testEntry(key, fetches));
      recorder.valueSet(key, "set", undefined);
    },
    remove(key: string) {
      entries.delete(key);
      recorder.entryRemoved(key, "delete");
    },
    entries,
    get seq() {
      return recorder.lastSeq;
    },
  };
}

async function connected(capacity: number, maxFrame?: number) {
  const page = scriptedHook(capacity);
  const [pageWall, panelWall] = createWallPair();
  const agent = createAgent(page.hook, pageWall, () => "memory://drops", { maxFrame });
  const store = createPanelStore(panelWall, { maxLog: 1_000_000 });
  disposers.push(() => agent.dispose());
  panelWall.send(panelCommand({ kind: "connect" }));
  await settle();
  expect(store.state.status).toBe("found");
  return { page, agent, store, panelWall };
}

const seqs = (items: readonly { seq: number }[]) => items.map((item) => item.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// A synchronous burst of capacity + 2,500 events: exactly 2,500 dropped (the oldest), the newest
// capacity logged in order after what the panel had, and every entry current, including one whose
// only event was dropped.
test("a burst over the history's capacity: the panel shows exactly how many were dropped", async () => {
  const { page, store } = await connected(1000);
  page.set("gone");
  await settle();
  expect(store.entries().get("gone")).toBeDefined();
  page.remove("gone"); // dropped with the oldest: the removal must still reach the panel
  for (let i = 0; i < 3499; i++) page.set(`k${i % 100}`);
  expect(page.seq).toBe(3501);
  await settle();
  expect(store.state.dropped).toBe(2500);
  expect(seqs(store.log())).toEqual([1, ...range(2502, 3501)]);
  expect(store.entries().get("gone")).toBeUndefined();
  expect(store.state.rejected.count).toBe(0);
  expect([...store.entries().keys()].sort()).toEqual([...page.entries.keys()].sort());
  expect(store.entries().get("k0")!.fetches).toBe(page.entries.get("k0")!.fetches);
});

// Drops add up across bursts in successive ticks; a burst within the capacity drops nothing.
test("drops add up over several bursts", async () => {
  const { page, store } = await connected(500);
  const bursts = [499, 500, 501, 2000, 10, 1234];
  for (const size of bursts) {
    for (let i = 0; i < size; i++) page.set(`k${i % 7}`);
    await settle();
  }
  const expected = bursts.reduce((sum, size) => sum + Math.max(0, size - 500), 0);
  expect(expected).toBe(1 + 1500 + 734);
  expect(store.state.dropped).toBe(expected);
  expect(store.log()).toHaveLength(bursts.reduce((sum, size) => sum + Math.min(size, 500), 0));
});

// A million-event burst stays linear: recording is O(1) per event, whatever the history overwrites.
test("a burst of 1,000,000 events with the default capacity", { timeout: 20_000 }, async () => {
  const { page, store } = await connected(10_000);
  const started = performance.now();
  for (let i = 0; i < 1_000_000; i++) page.set(`k${i % 1000}`);
  const burstMs = performance.now() - started;
  await settle();
  expect(store.state.dropped).toBe(990_000);
  expect(seqs(store.log())).toEqual(range(990_001, 1_000_000));
  expect(burstMs).toBeLessThan(5_000);
});

// Events lost with keys they alone touched: the batch after them carries every entry, and removes
// those the panel has that are gone.
test("a lost burst that removed entries: the panel's entries are resynced", async () => {
  const { page, store } = await connected(100);
  for (let i = 0; i < 1000; i++) page.set(`k${i}`);
  for (let i = 0; i < 500; i++) page.remove(`k${i}`);
  await settle();
  expect([...store.entries().keys()].sort()).toEqual([...page.entries.keys()].sort());
  expect(store.entries().size).toBe(500);
  expect(store.state.dropped).toBe(1400);
});

// While no panel is connected the history keeps its newest events: a panel connecting later is
// told how many it will never see, and only losses after that add to it.
test("reconnecting: what the history lost in between is counted once", async () => {
  const { page, store, panelWall } = await connected(10);
  panelWall.send(panelCommand({ kind: "disconnect" })); // delivered before the agent's flush of the burst
  for (let i = 0; i < 50; i++) page.set("a");
  await settle();
  expect(store.log()).toHaveLength(0);
  panelWall.send(panelCommand({ kind: "connect" }));
  await settle();
  expect(store.state.dropped).toBe(40);
  expect(seqs(store.log())).toEqual(range(41, 50));
  page.set("b");
  await settle();
  expect(store.state.dropped).toBe(40);
  for (let i = 0; i < 15; i++) page.set("c");
  await settle();
  expect(store.state.dropped).toBe(45);
});

// Clearing the page's log lets its events go on purpose: none of them counts as dropped.
test("a cleared log drops nothing", async () => {
  const { page, store, panelWall } = await connected(10);
  for (let i = 0; i < 8; i++) page.set("a");
  panelWall.send(panelCommand({ kind: "clear-log" }));
  await settle();
  for (let i = 0; i < 8; i++) page.set("b");
  await settle();
  expect(store.state.dropped).toBe(0);
  expect(seqs(store.log()).at(-1)).toBe(16);
});

// A frame too long for the relays is made to fit: a batch goes as several, and together they
// carry everything; a snapshot keeps its newest events and counts the others as dropped.
test("frames too long for the relays", async () => {
  const maxFrame = 5_000;
  const { page, store, panelWall } = await connected(10_000, maxFrame);
  const frames: { kind: string; length: number; message: PageMessage }[] = [];
  panelWall.listen((data) => {
    const decoded = decodePageFrame(data);
    if (decoded.ok) frames.push({ kind: decoded.message.kind, length: (data as PageFrame).json.length, message: decoded.message });
  });
  for (let i = 0; i < 300; i++) page.set(`k${i % 30}`);
  await settle();
  const batches = frames.filter((frame) => frame.kind === "batch");
  expect(batches.length).toBeGreaterThan(1);
  expect(batches.every((frame) => frame.length <= maxFrame)).toBe(true);
  expect(seqs(store.log())).toEqual(range(1, 300));
  expect([...store.entries().keys()].sort()).toEqual([...page.entries.keys()].sort());
  expect(store.state.dropped).toBe(0);

  panelWall.send(panelCommand({ kind: "get-snapshot" }));
  await settle();
  const snapshot = frames.at(-1)!;
  expect(snapshot.kind).toBe("snapshot");
  expect(snapshot.length).toBeLessThanOrEqual(maxFrame);
  if (snapshot.message.kind !== "snapshot") throw new Error("not a snapshot");
  expect(snapshot.message.dropped).toBeGreaterThan(0);
  expect(seqs(snapshot.message.events)).toEqual(range(snapshot.message.dropped + 1, 300));
  expect(store.state.dropped).toBe(snapshot.message.dropped);
});
