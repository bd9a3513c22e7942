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
 * What a refetch of one entry records: its invalidation (one key; an action that invalidates many
 * records them as one event), its fetch, and its fetch-settle, which says the value was stored.
 */
const kinds = ["invalidated", "fetch-start", "fetch-settle"] as const;
/** The revalidation of every fetch: one object, as the runtime shares one per revalidation. */
const ACTION = { kind: "action", actionId: 1 } as const;

/** Event number `seq` (1-based), touching key number `seq / 3 mod keys`. */
export function syntheticEvent(seq: number, keys: number): DevtoolsEvent {
  const key = keyOf(Math.floor(seq / kinds.length) % keys);
  const base = { seq, time: 1_700_000_000_000 + seq, key };
  const fetchId = Math.floor(seq / kinds.length);
  switch (kinds[seq % kinds.length]) {
    case "invalidated":
      return { seq: base.seq, time: base.time, kind: "invalidated", keys: [key], actionId: 1 };
    case "fetch-start":
      return { ...base, kind: "fetch-start", fetchId, cause: "revalidate", revalidation: ACTION };
    case "fetch-settle":
      return { ...base, kind: "fetch-settle", fetchId, ok: true, ms: 3.2, stored: true };
  }
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
  const touched = [...new Set(events.map((event) => Math.floor(event.seq / kinds.length) % keys))];
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
