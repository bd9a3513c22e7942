/* Entries and frequent events as rows in a frame: every shape survives the round trip; malformed rows are rejected. */
import { expect, test } from "vitest";
import { entriesToRows, eventsToRows, rowsToEntries, rowsToEvents } from "./frame-rows.ts";
import { PAGE_SOURCE, PROTOCOL, pageMessage, type DevtoolsEvent, type Entry, type FetchCause, type RevalidateCause } from "./protocol.ts";
import { decodePageFrame, pageFrame } from "./page-frame.ts";

const base = { seq: 7, time: 1_700_000_000_000, key: 'q["a"]' };
const events: DevtoolsEvent[] = [
  { ...base, kind: "entry-created", query: "q", intent: "navigate" },
  { ...base, kind: "fetch-start", fetchId: 3, cause: "initial" },
  { ...base, kind: "fetch-start", fetchId: 3, cause: "revalidate", revalidation: { kind: "action", actionId: 2 } },
  { ...base, kind: "fetch-settle", fetchId: 3, ok: true, ms: 12 },
  { ...base, kind: "fetch-settle", fetchId: 3, ok: true, ms: 12, stored: true },
  { ...base, kind: "fetch-settle", fetchId: 3, ok: false, ms: 0, error: { type: "error", name: "Error", message: "no" } },
  { ...base, kind: "value-set", via: "fetch" },
  { ...base, kind: "value-set", via: "set", actionId: 4 },
  { ...base, kind: "observers", count: 0 },
  { ...base, kind: "entry-removed", reason: "gc" },
  { seq: 8, time: 1, kind: "invalidated", keys: ['q["a"]', 'q["b"]'], actionId: 4 },
  { seq: 8, time: 1, kind: "revalidate", requested: null, matched: [], active: [], force: true, cause: { kind: "app" } },
];

const entry: Entry = {
  key: 'q["a"]',
  query: "q",
  status: "ready",
  updatedAt: 5,
  createdAt: 4,
  intent: "initial",
  observers: 1,
  fetches: 2,
  hydrated: false,
  valueOmitted: true,
};
const entries: Entry[] = [
  entry,
  { ...entry, args: { type: "array", className: "Array", length: 1, items: [{ type: "primitive", value: "a" }] }, lastFetchMs: 3, gcAt: 9 },
  { ...entry, status: "error", value: { type: "primitive", value: null }, valueOmitted: undefined, error: { type: "error", name: "Error", message: "no" } },
].map((e) => JSON.parse(JSON.stringify(e)));

test("every event and entry survives the frame; frequent kinds as rows, rare ones as objects", () => {
  const batch = pageMessage({ kind: "batch", events, entries, removed: [], dropped: 0 });
  const frame = pageFrame(batch);
  const body = JSON.parse(frame.json) as { events: unknown[]; entries: unknown[]; timeBase: number };
  expect(body.events.map((e) => Array.isArray(e))).toEqual([...events.slice(0, -2).map(() => true), false, false]);
  // seq and time are differences from the event before; absent trailing fields are left off;
  // known values travel as their index (intent "navigate": 2).
  expect(body.events[0]).toEqual([0, 7, 1_700_000_000_000, 'q["a"]', "q", 2]);
  // Known values as their index: cause and intent "initial", status "ready", false and true.
  expect(body.events[1]).toEqual([1, 0, 0, 'q["a"]', 3, 0]);
  // Entry times as differences from the frame's timeBase, just below the earliest one.
  expect(body).toMatchObject({ timeBase: 3 });
  expect(body.entries[0]).toEqual(['q["a"]', "q", null, 1, 2, 1, 0, 1, 2, null, 0, null, null, 1]);
  expect(decodePageFrame(frame)).toEqual({ ok: true, message: batch });
  expect(rowsToEvents(JSON.parse(JSON.stringify(eventsToRows(events))))).toEqual(events);
  const { entries: rows, timeBase } = JSON.parse(JSON.stringify(entriesToRows(entries)));
  expect(rowsToEntries(rows, timeBase)).toEqual(entries);
  // An invalidated entry's updatedAt (0) stays 0.
  const stale = { ...entry, status: "stale", updatedAt: 0 } as const;
  expect(rowsToEntries(entriesToRows([stale]).entries, entriesToRows([stale]).timeBase)).toEqual([stale]);
});

test("a revalidation shared by fetches is written once per frame; unknown strings travel as they are", () => {
  const revalidation = { kind: "action", actionId: 2 } as const;
  const other = { kind: "devtools" } as const;
  const fetch = (seq: number, cause: FetchCause, shared?: RevalidateCause): DevtoolsEvent => ({ seq, time: 1, key: `k${seq}`, kind: "fetch-start", fetchId: seq, cause, revalidation: shared });
  const stream = [fetch(1, "revalidate", revalidation), fetch(2, "initial"), fetch(3, "revalidate", revalidation), fetch(4, "revalidate", other), fetch(5, "revalidate", other)];
  const rows = eventsToRows(stream) as unknown[][];
  expect(rows.map((row) => row[6])).toEqual([revalidation, undefined, 0, other, 0]);
  expect(rowsToEvents(JSON.parse(JSON.stringify(rows)))).toEqual(JSON.parse(JSON.stringify(stream)));
  const odd = { seq: 1, time: 1, key: "k", kind: "value-set", via: "later" } as unknown as DevtoolsEvent;
  expect(rowsToEvents(JSON.parse(JSON.stringify(eventsToRows([odd]))))).toEqual([odd]);
});

test("malformed rows are left for the schema, which rejects them", () => {
  const rows = [[99, 1, 1, "k"], [1.5, 1, 1, "k"], ["1", 1, 1, "k"], [5, 1, 1, "k", "count", "extra"], [5, 1, 1], [5, "1", 1, "k", 0], [0, 1, 1, "k", null, "intent"]];
  for (const row of rows) {
    const frame = { source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch", json: JSON.stringify({ source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch", events: [row], entries: [], removed: [], dropped: 0 }) };
    expect(decodePageFrame(frame), JSON.stringify(row)).toMatchObject({ ok: false, reason: expect.stringMatching(/^events\.0/) });
  }
});

test("malformed entry rows are rejected too", () => {
  const rows = [[], ["k"], ["k", "q", null, "ready", 1, 1, "i", 1, 1, null, false, null, null, true, null, "extra"], [1, "q", null, "ready", 1, 1, "i", 1, 1, null, false]];
  for (const row of rows) {
    const frame = { source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch", json: JSON.stringify({ source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch", events: [], entries: [row], removed: [], dropped: 0 }) };
    expect(decodePageFrame(frame), JSON.stringify(row)).toMatchObject({ ok: false, reason: expect.stringMatching(/^entries\.0/) });
  }
});

test("seq and time run on across rows and objects; a snapshot cut to the newest events keeps them right", () => {
  const stream: DevtoolsEvent[] = [
    { seq: 10, time: 1000, key: "a", kind: "observers", count: 1 },
    { seq: 11, time: 1005, kind: "action-start", id: 1, name: "x", input: { type: "special", text: "undefined" } },
    { seq: 13, time: 1004, key: "a", kind: "observers", count: 2 },
  ];
  const snapshot = pageMessage({ kind: "snapshot", routerVersion: "1.0.0", instrumented: true, url: "http://a/", entries: [], events: stream, dropped: 0 });
  expect(JSON.parse(pageFrame(snapshot).json).events[2]).toEqual([4, 2, -1, "a", 2]);
  expect(decodePageFrame(pageFrame(snapshot))).toEqual({ ok: true, message: snapshot });
  expect(decodePageFrame(pageFrame(snapshot), 1)).toMatchObject({ ok: true, message: { events: [stream[2]] } });
});

// The rows before the kept ones are only read for seq, time and the shared revalidation: the kept
// events are the same as expanding everything and cutting, for every cut, malformed rows included.
test("keeping the last events reads the same events as expanding them all", () => {
  const shared = { kind: "action", actionId: 3 } as const;
  const stream: DevtoolsEvent[] = [
    { seq: 1, time: 100, key: "a", kind: "fetch-start", fetchId: 1, cause: "revalidate", revalidation: shared },
    { seq: 2, time: 101, kind: "action-start", id: 1, name: "x", input: { type: "special", text: "undefined" } },
    { seq: 3, time: 103, key: "b", kind: "fetch-start", fetchId: 2, cause: "revalidate", revalidation: shared },
    { seq: 5, time: 99, key: "b", kind: "fetch-settle", fetchId: 2, ok: true, ms: 1 },
    { seq: 6, time: 110, key: "c", kind: "fetch-start", fetchId: 3, cause: "revalidate", revalidation: shared },
  ];
  const rows: unknown[] = JSON.parse(JSON.stringify(eventsToRows(stream)));
  rows.splice(3, 0, [99, 1, 1, "k"], { seq: "x" }, null);
  const all = rowsToEvents(rows);
  for (let keep = 0; keep <= rows.length + 1; keep++) expect(rowsToEvents(rows, keep), `keep ${keep}`).toEqual(all.slice(Math.max(0, all.length - keep)));
});
