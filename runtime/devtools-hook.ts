/*
 * The page-global hook, `globalThis.__SOLID_QUERY_DEVTOOLS__`: what any devtools frontend (our
 * extension, a test, a console user) can ask of the instrumented router. Commands go through the
 * router's own functions (revalidate, query.delete), tagged with the "devtools" cause.
 */
import { PROTOCOL, type DevtoolsEvent, type Entry, type ValueChange } from "../bridge/protocol.ts";
import type { PathSegment, Preview } from "../bridge/preview-schema.ts";
import { previewAt } from "../bridge/serialize.ts";
import type { CacheInstrumentation } from "./cache-instrumentation.ts";
import { jsonProblem, withValueAt } from "./json-edit.ts";
import type { SimulatedState } from "./simulations.ts";
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
  /** The entry's value as JSON text to edit, or why it cannot round-trip through JSON. */
  readJson(key: string): { json?: string; refused?: string };
  /**
   * Writes `json` at `path` of the entry's value (all of it at []) with the router's `query.set`,
   * then re-runs its readers with the router's `revalidate(key, false)`. Returns why not, if refused.
   */
  setValue(key: string, path: PathSegment[], json: string): string | undefined;
  /** Holds the entry's readers in a pending or failed state until `restore` (see simulations.ts); returns why not, if refused. */
  simulate(key: string, state: SimulatedState): string | undefined;
  restore(key: string): string | undefined;
  /** Keeps the entry's value changes while the returned release is not called (a panel shows them). */
  trackChanges(key: string): () => void;
  /** The entry's latest value changes, and a number that changes with them. */
  valueChanges(key: string): { version: number; changes: ValueChange[] };
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
    readJson(key) {
      const found = instrumentation.lookup(key);
      if (!found) return { refused: `${key} is not in the cache` };
      const problem = jsonProblem(found.tuple[2]);
      return problem ? { refused: `its value holds ${problem}, which JSON cannot give back as it is` } : { json: JSON.stringify(found.tuple[2], null, 2) };
    },
    setValue(key, path, json) {
      const found = instrumentation.lookup(key);
      if (!found) return `${key} is not in the cache`;
      if (instrumentation.simulations.get(key)) return "it is in a simulated state: restore it first";
      const current = found.tuple[2];
      // A value not stored yet can be given whole; an edit inside one needs all of it to round-trip.
      const problem = current === undefined && !path.length ? undefined : jsonProblem(current);
      if (problem) return `its value holds ${problem}, which JSON cannot give back as it is`;
      let edit: unknown;
      try {
        edit = JSON.parse(json);
      } catch (error) {
        return `the edit is not JSON: ${error instanceof Error ? error.message : String(error)}`;
      }
      let next: unknown;
      try {
        next = withValueAt(current, path, edit);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      asDevtools(() => {
        router().query.set(key, next);
        void router().revalidate(key, false);
      });
      return undefined;
    },
    simulate(key, state) {
      const found = instrumentation.lookup(key);
      if (!found) return `${key} is not in the cache`;
      instrumentation.simulations.start(key, found.tuple, state);
      return undefined;
    },
    restore: (key) => (instrumentation.simulations.restore(key) ? undefined : `${key} is not in a simulated state`),
    trackChanges: (key) => instrumentation.changes.track(key, () => instrumentation.lookup(key)?.tuple[2]),
    valueChanges: (key) => ({ version: instrumentation.changes.version(key), changes: instrumentation.changes.list(key) }),
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

/** The edit commands of a hook that has no cache to edit (an unsupported router; stand-ins in tests and benches): each refused with `reason`. */
export function noEdits(reason: string): Pick<DevtoolsHook, "readJson" | "setValue" | "simulate" | "restore" | "trackChanges" | "valueChanges"> {
  return {
    readJson: () => ({ refused: reason }),
    setValue: () => reason,
    simulate: () => reason,
    restore: () => reason,
    trackChanges: () => () => {},
    valueChanges: () => ({ version: 0, changes: [] }),
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
    ...noEdits("the router is not instrumented"),
  };
}
