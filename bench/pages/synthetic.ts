/*
 * Synthetic but protocol-valid traffic: events of the kinds a revalidating app produces and the
 * entries they touch, over a fixed key space, so volume can grow without the key space growing.
 */
import { PROTOCOL, PAGE_SOURCE, type DevtoolsEvent, type Entry, type PageMessage } from "../../bridge/protocol.ts";
import { preview } from "../../bridge/serialize.ts";

export const QUERIES = 50;

export function keyOf(index: number): string {
  return `q${index % QUERIES}[${Math.floor(index / QUERIES)}]`;
}

export function indexOfKey(key: string): number {
  const [, query, instance] = /^q(\d+)\[(\d+)\]$/.exec(key) ?? [, "0", "0"];
  return Number(instance) * QUERIES + Number(query);
}

/**
 * What revalidating a group of entries records: one invalidated event listing them (the router
 * marks them stale in one walk), then each one's fetch-start and fetch-settle (which says the value
 * was stored). A group is a query's instances in the overhead workload.
 */
const GROUP = 20;
const PERIOD = 1 + 2 * GROUP;
/** The revalidation of every fetch: one object, as the runtime shares one per revalidation. */
const ACTION = { kind: "action", actionId: 1 } as const;

/** Event number `seq` (1-based) of a stream revalidating key numbers 0, 1, 2… (mod `keys`) a group at a time. */
export function syntheticEvent(seq: number, keys: number): DevtoolsEvent {
  const first = Math.floor(seq / PERIOD) * GROUP;
  const at = seq % PERIOD;
  const time = 1_700_000_000_000 + seq;
  if (at === 0) return { seq, time, kind: "invalidated", keys: Array.from({ length: GROUP }, (_, i) => keyOf((first + i) % keys)), actionId: 1 };
  const fetchId = first + Math.floor((at - 1) / 2);
  const key = keyOf(fetchId % keys);
  return at % 2 === 1
    ? { seq, time, key, kind: "fetch-start", fetchId, cause: "revalidate", revalidation: ACTION }
    : { seq, time, key, kind: "fetch-settle", fetchId, ok: true, ms: 3.2, stored: true };
}

const sampleValue = (i: number) => ({ id: i, title: `Item ${i}`, done: i % 2 === 0, tags: ["alpha", "beta"], owner: { id: i % 7, name: "bench" } });

export function syntheticEntry(index: number, fetches = 1): Entry {
  const key = keyOf(index);
  return {
    key,
    query: `q${index % QUERIES}`,
    args: preview([Math.floor(index / QUERIES)]),
    status: "ready",
    updatedAt: 1_700_000_000_000 + fetches,
    createdAt: 1_700_000_000_000,
    intent: "initial",
    observers: 1,
    fetches,
    lastFetchMs: 3.2,
    hydrated: false,
    value: preview(sampleValue(index)),
  };
}

export function snapshotMessage(entries: number, events: number): PageMessage {
  return {
    source: PAGE_SOURCE,
    protocol: PROTOCOL,
    kind: "snapshot",
    routerVersion: "1.0.0",
    instrumented: true,
    url: "http://bench/",
    entries: Array.from({ length: entries }, (_, i) => syntheticEntry(i)),
    events: Array.from({ length: events }, (_, i) => syntheticEvent(i + 1, entries)),
    dropped: 0,
  };
}

/** A batch as the agent sends it: the events and the current state of every key they touch. */
export function batchMessage(firstSeq: number, count: number, keys: number): PageMessage {
  const events = Array.from({ length: count }, (_, i) => syntheticEvent(firstSeq + i, keys));
  const touched = [...new Set(events.flatMap((event) => ("keys" in event ? event.keys : "key" in event ? [event.key] : [])).map(indexOfKey))];
  return {
    source: PAGE_SOURCE,
    protocol: PROTOCOL,
    kind: "batch",
    events,
    entries: touched.map((index) => syntheticEntry(index, firstSeq + count)),
    removed: [],
    dropped: 0,
  };
}
