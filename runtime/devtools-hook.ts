/*
 * The page-global hook, `globalThis.__SOLID_QUERY_DEVTOOLS__`: what any devtools frontend (our
 * extension, a test, a console user) can ask of the instrumented router. Commands go through the
 * router's own functions (revalidate, query.delete), tagged with the "devtools" cause.
 */
import { PROTOCOL, type DevtoolsEvent, type Entry } from "../bridge/protocol.ts";
import type { PathSegment, Preview } from "../bridge/preview-schema.ts";
import { previewAt } from "../bridge/serialize.ts";
import type { CacheInstrumentation } from "./cache-instrumentation.ts";
import type { Recorder } from "./recorder.ts";
import type { SourceSite } from "../bridge/source-site.ts";
import { sourceSites } from "./source-sites.ts";
import { ALL_FIELDS, describeEntry, toWireEvent, type EntryFields } from "./wire.ts";

export interface Snapshot {
  entries: Entry[];
  events: DevtoolsEvent[];
  /** Events that fell out of the ring buffer before this snapshot. */
  dropped: number;
}

export interface DevtoolsHook {
  protocol: number;
  routerVersion: string;
  /** False when the router version is not supported: the hook is inert. */
  instrumented: boolean;
  snapshot(): Snapshot;
  /** One entry's current state; `fields` leaves out its args or value (default: all). */
  entry(key: string, fields?: EntryFields): Entry | undefined;
  /** Every event as it is recorded. */
  subscribe(listener: (event: DevtoolsEvent) => void): () => void;
  /** `notify` runs after every event recorded, without it: cheaper than `subscribe`, which builds each one. */
  onRecord(notify: () => void): () => void;
  /** The seq of the newest event recorded (0: none yet). */
  lastSeq(): number;
  /** The events recorded after `seq`, oldest first, and how many of them the history no longer holds. */
  eventsSince(seq: number): { events: DevtoolsEvent[]; missed: number };
  /** Every cached entry's key. */
  keys(): string[];
  /** No keys: every entry, as the router's own `revalidate()`. */
  revalidate(keys?: string[]): void;
  invalidate(keys: string[]): void;
  delete(keys: string[]): void;
  inspect(key: string, path: PathSegment[]): Preview;
  clearLog(): void;
  /** Source sites registered or named since position `from` of the registry's log, and the next position. */
  sitesSince?(from: number): { sites: SourceSite[]; next: number };
  /** Opens a source site in the developer's editor, through the dev server's open-in-editor endpoint. */
  openInEditor?(site: number): void;
}

export const GLOBAL_HOOK = "__SOLID_QUERY_DEVTOOLS__";

export function createDevtoolsHook(routerVersion: string, instrumentation: CacheInstrumentation, recorder: Recorder): DevtoolsHook {
  const router = () => {
    if (!instrumentation.router) throw new Error("the router's cache module has not loaded yet");
    return instrumentation.router;
  };
  const asDevtools = (run: () => void) => instrumentation.withCause({ kind: "devtools" }, run);
  return {
    protocol: PROTOCOL,
    routerVersion,
    instrumented: true,
    ...eventLog(recorder),
    snapshot: () => ({
      entries: instrumentation.keys().flatMap((key) => describeEntry(instrumentation, key, ALL_FIELDS) ?? []),
      events: recorder.recent().map(toWireEvent),
      dropped: recorder.dropped,
    }),
    entry: (key, fields = ALL_FIELDS) => describeEntry(instrumentation, key, fields),
    keys: () => instrumentation.keys(),
    revalidate: (keys) => asDevtools(() => void router().revalidate(keys)),
    invalidate: (keys) => asDevtools(() => router().cacheKeyOp(keys, (entry) => instrumentation.invalidate(entry))),
    delete: (keys) => asDevtools(() => keys.forEach((key) => router().query.delete(key))),
    inspect: (key, path) => previewAt(instrumentation.lookup(key)?.tuple[2], path),
    sitesSince: (from) => ({ sites: sourceSites.log.slice(from), next: sourceSites.log.length }),
    openInEditor(site) {
      const path = sourceSites.editorPath(site);
      // Vite's own endpoint (launch-editor); the page's origin is the dev server's.
      if (path !== undefined) void fetch(`/__open-in-editor?file=${encodeURIComponent(path)}`).catch(() => {});
    },
  };
}

/** The hook's reading of a recorder's events, for the real hook and for stand-ins in tests and benches. */
export function eventLog(recorder: Recorder): Pick<DevtoolsHook, "subscribe" | "onRecord" | "lastSeq" | "eventsSince" | "clearLog"> {
  return {
    subscribe: (listener) => recorder.subscribe((event) => listener(toWireEvent(event))),
    onRecord: (notify) => recorder.onRecord(notify),
    lastSeq: () => recorder.lastSeq,
    eventsSince(seq) {
      const { events, missed } = recorder.since(seq);
      return { events: events.map(toWireEvent), missed };
    },
    clearLog: () => recorder.clear(),
  };
}

/** The hook of a router we do not support: it answers, but reports nothing and does nothing. */
export function createInertHook(routerVersion: string): DevtoolsHook {
  return {
    protocol: PROTOCOL,
    routerVersion,
    instrumented: false,
    snapshot: () => ({ entries: [], events: [], dropped: 0 }),
    entry: () => undefined,
    subscribe: () => () => {},
    onRecord: () => () => {},
    lastSeq: () => 0,
    eventsSince: () => ({ events: [], missed: 0 }),
    keys: () => [],
    revalidate: () => {},
    invalidate: () => {},
    delete: () => {},
    inspect: () => ({ type: "special", text: "undefined" }),
    clearLog: () => {},
  };
}
