/*
 * Converts the runtime's live state into protocol data: an entry read straight from the
 * router's tuple, and raw events with their page values turned into previews. Only called for a
 * connected panel or an explicit snapshot(), never on the app's hot path.
 */
import type { DevtoolsEvent, Entry, EntryStatus } from "../bridge/protocol.ts";
import type { Preview } from "../bridge/preview-schema.ts";
import { preview } from "../bridge/serialize.ts";
import type { CacheInstrumentation, CacheTuple, EntryMeta } from "./cache-instrumentation.ts";
import type { RawEvent } from "./recorder.ts";
import { sourceSites } from "./source-sites.ts";

/** Which of an entry's page values to include: its args, and its value (else marked as omitted, if it has one). */
export interface EntryFields {
  args: boolean;
  value: boolean;
}
export const ALL_FIELDS: EntryFields = { args: true, value: true };

/** An entry's state read from the router's tuple. */
export function describeEntry(instrumentation: CacheInstrumentation, key: string, fields: EntryFields): Entry | undefined {
  const found = instrumentation.lookup(key);
  if (!found) return undefined;
  const { tuple, meta } = found;
  const value = tuple[2];
  const simulation = instrumentation.simulations.get(key);
  return {
    key,
    query: meta.query,
    args: fields.args ? argsPreview(meta) : undefined,
    status: simulation?.state ?? statusOf(tuple, meta),
    // 2.0 stamps an entry whose promise rejected -1: its time is its fetch's start (or its adoption, hydrated).
    updatedAt: tuple[0] < 0 ? meta.fetchStartedAt || meta.createdAt : tuple[0],
    createdAt: meta.createdAt,
    intent: String(tuple[3]),
    observers: tuple[4].count,
    fetches: meta.fetches,
    lastFetchMs: meta.lastFetchMs,
    hydrated: meta.hydrated,
    gcAt: tuple[4].count ? undefined : nextCollection(tuple[0], instrumentation.attachedAt, Date.now()),
    value: value === undefined || !fields.value ? undefined : preview(value),
    valueOmitted: value === undefined || fields.value ? undefined : true,
    error: simulation ? (simulation.error && preview(simulation.error)) : meta.failed ? preview(meta.error) : undefined,
    simulated: simulation?.state,
    definedAt: sourceSites.queryDefinition(meta.query),
    readers: instrumentation.readersOf(tuple),
  };
}

/** An entry's args never change (they are its key): previewed once, not on every send. */
const argsPreviews = new WeakMap<EntryMeta, Preview>();
function argsPreview(meta: EntryMeta): Preview {
  let found = argsPreviews.get(meta);
  if (!found) argsPreviews.set(meta, (found = preview(meta.args)));
  return found;
}

/** The router's cleanup interval and the age after which it deletes an unobserved entry. */
const GC_INTERVAL = 300_000;
const CACHE_TIMEOUT = 180_000;

/** The first tick of the router's GC interval (started with its cache) at which this entry is old enough. */
export function nextCollection(updatedAt: number, intervalStart: number, now: number): number {
  const due = Math.max(updatedAt + CACHE_TIMEOUT + 1, now + 1);
  return intervalStart + Math.max(1, Math.ceil((due - intervalStart) / GC_INTERVAL)) * GC_INTERVAL;
}

function statusOf(tuple: CacheTuple, meta: EntryMeta): EntryStatus {
  if (tuple[0] === 0) return "stale";
  if (meta.inFlight) return "pending";
  // 2.0's -1 stamp says the entry's promise rejected, a hydrated one's too (no fetch the runtime saw).
  return meta.failed || tuple[0] < 0 ? "error" : "ready";
}

const valueFields = ["input", "result", "error"] as const;
const kindsWithValues = new Set<string>(["action-start", "action-settle", "fetch-settle"]);

/** Events without page values (most of them) are sent as they are; the others get previews in a copy. */
export function toWireEvent(event: RawEvent): DevtoolsEvent {
  if (!kindsWithValues.has(event.kind)) return event as DevtoolsEvent;
  const fields = event as Record<string, unknown>;
  if (event.kind !== "action-start" && valueFields.every((field) => fields[field] === undefined)) return event as DevtoolsEvent;
  const wire: Record<string, unknown> = { ...event };
  for (const field of valueFields) {
    if (field in event) {
      const raw = fields[field];
      if (raw === undefined && field !== "input") delete wire[field];
      else wire[field] = preview(raw);
    }
  }
  return wire as DevtoolsEvent;
}
