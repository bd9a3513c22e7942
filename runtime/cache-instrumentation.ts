/*
 * The hooks the patched router calls (see router-patches.ts). They watch the router's own cache
 * map (set/delete/clear), and the router's changes of an entry's timestamp (invalidation), value
 * and observer count go through them, so every event reports what the router really did. The
 * router's objects keep their own shape: no accessors, no extra fields. Patched call sites also
 * add what the cache cannot tell: why a fetch or revalidation happened and which action caused it.
 * Nothing here may break the app: reporting is guarded, and the router's own results and errors
 * pass through untouched.
 */
import type { FetchCause, RevalidateCause, ValueChange } from "../bridge/protocol.ts";
import type { FetchOutcome, Recorder, RawEventBody } from "./recorder.ts";
import { Simulations } from "./simulations.ts";
import { ValueChanges } from "./value-changes.ts";
import { sourceSites } from "./source-sites.ts";

type VersionSignal = [() => number, (time: number) => void] & { count: number };
/** The router's entry: [updatedAt (0 = invalidated), promise, value, intent, version signal]. */
export type CacheTuple = [number, unknown, unknown, string, VersionSignal];
type KeyOp = (key: string | string[] | undefined, fn: (entry: CacheTuple) => void) => void;

/** The router functions the devtools commands go through, handed over by the patched module. */
export interface RouterApi {
  revalidate(key?: string | string[], force?: boolean): unknown;
  cacheKeyOp: KeyOp;
  query: { set(key: string, value: unknown): void; delete(key: string): boolean; clear(): void };
}

/** What the runtime knows about an entry beyond the router's tuple. Lives as long as the tuple. */
export interface EntryMeta {
  key: string;
  query: string;
  args: unknown;
  createdAt: number;
  fetches: number;
  lastFetchMs?: number;
  /**
   * The latest fetch: its id, start time and whether it is in flight (only its outcome is the
   * entry's). A fetch is its entry's meta and its id, with no object of its own: one per fetch,
   * held while it is in flight, would outlive the young generation.
   */
  fetchId: number;
  fetchStartedAt: number;
  inFlight: boolean;
  /**
   * Start times of earlier fetches still in flight when a newer one started, by id, until they
   * settle (one that never does stays as long as its entry).
   */
  superseded: Map<number, number> | undefined;
  failed: boolean;
  error: unknown;
  hydrated: boolean;
  /** The observer count last reported in an `observers` event. */
  observers: number;
  /**
   * Where the entry's promise came from. The router stores the awaited value later, when a reader
   * awaits it; that write belongs to the fetch or to the `query.set` (single-flight) that made it.
   */
  source: "fetch" | "set";
  /** The action whose `query.set` wrote the entry's promise (its awaited value belongs to that action's group). */
  setActionId: number | undefined;
  /** The revalidation that will refetch this entry, until the refetch starts (while it is open). */
  revalidation?: Revalidation;
}

/** One `revalidate` call's mark on the active entries it will refetch: open until its transition ends. */
interface Revalidation {
  cause: RevalidateCause;
  open: boolean;
}

type Removal = "gc" | "delete" | "clear";
export class CacheInstrumentation {
  cacheMap: Map<string, CacheTuple> | undefined;
  router: RouterApi | undefined;
  /** Cache-map creation time: the router's GC interval started then. */
  attachedAt = 0;
  private readonly meta = new WeakMap<CacheTuple, EntryMeta>();
  /** Entries whose fetch started before the router stored their tuple. */
  private readonly pendingMeta = new Map<string, EntryMeta>();
  private readonly queryNames = new Set<string>();
  /** What the router is doing right now, set around its synchronous calls. */
  private readonly context: { cause?: RevalidateCause; removal?: Removal; settingKey?: string; at?: number } = {};
  private actionContext: number | undefined;
  /** A fetch just settled as stored: the router's value write that follows is announced. */
  private storing = false;
  private fetchSeq = 0;
  private actionSeq = 0;
  private readonly actionStarts = new Map<number, number>();
  /** Actions whose mutation (the function the router's form action calls) is running (router 2.0). */
  private readonly mutating = new Set<number>();
  /**
   * Entries whose observer count changed in this task, reported once it settles: tuple, count
   * before the change, tuple, count… up to `observerChangeCount`. The array is reused: emptying it
   * (length = 0) would free its storage, and growing it anew on every report is garbage.
   */
  private readonly observerChanges: (CacheTuple | number | undefined)[] = [];
  private observerChangeCount = 0;
  /** The entry of the latest change queued: a reader's cleanup (-1) and new subscription (+1) come in a row. */
  private lastObserved: CacheTuple | undefined;
  private readonly reportObserversSoon = () => this.reportObservers();
  /** Per entry, its observers at known source sites (createAsync calls): site id → count. */
  private readonly readers = new WeakMap<CacheTuple, Map<number, number>>();
  private warned = false;
  /** Entries the devtools hold in a pending or error state. */
  readonly simulations: Simulations;
  /** The latest value changes of the entries a panel watches. */
  readonly changes = new ValueChanges();

  constructor(private readonly recorder: Recorder) {
    this.simulations = new Simulations(recorder);
  }

  // ---- called by the patched router -------------------------------------------------------

  cache(map: Map<string, CacheTuple>): Map<string, CacheTuple> {
    this.cacheMap = map;
    this.attachedAt = Date.now();
    const set = map.set.bind(map);
    const remove = map.delete.bind(map);
    const clear = map.clear.bind(map);
    map.set = (key, tuple) => {
      set(key, tuple);
      this.safely(() => this.adopt(key, tuple));
      return map;
    };
    map.delete = (key) => {
      const existed = remove(key);
      if (existed) this.safely(() => this.removed(key, this.context.removal ?? "gc", this.context.at));
      return existed;
    };
    map.clear = () => {
      const keys = [...map.keys()];
      clear();
      this.safely(() => keys.forEach((key) => this.removed(key, this.context.removal ?? "clear")));
    };
    return map;
  }

  attach(router: RouterApi): void {
    this.router = router;
  }

  defineQuery(name: string): void {
    this.queryNames.add(name);
  }

  /**
   * A fetch the router is about to start with `fn(...args)`, at `now`: the router's timestamp of the
   * call, which it stores as the entry's updatedAt. The patched router keeps the entry's meta this
   * returns, and its `fetchId` read at once: the fetch, handed back to `ran`, `threw` and `settle`.
   */
  fetchStart(key: string, name: string, args: unknown[], intent: string, cached: CacheTuple | undefined, now: number): EntryMeta | undefined {
    try {
      return this.fetchStarted(key, name, args, intent, cached, now);
    } catch (error) {
      this.warnOnce(error);
      return undefined;
    }
  }

  /**
   * The query's own `fn(...args)` returned `result` (the router calls it itself). A fetch settles
   * when the router's response handler runs (`settle`); only a preload, which the router attaches
   * no handler to, gets a reaction of our own. Extra promise reactions are what cost most with
   * DevTools open (async stack traces). True if that reaction is on `result` itself and so handles
   * its rejection: the router then leaves out its own catch of a preload's promise.
   */
  ran(meta: EntryMeta | undefined, id: number, result: unknown, intent: string): boolean {
    if (!meta) return false;
    // The router's own test for a promise: it attaches its handlers when this holds.
    const thenable = result !== null && (typeof result === "object" || typeof result === "function") && "then" in result;
    if (!thenable) {
      this.fetchSettled(meta, id, "ok");
      return false;
    }
    if (intent !== "preload") return false;
    // Promise.resolve: the same promise for a native one; a foreign thenable cannot throw into the router.
    const promise = Promise.resolve(result);
    promise.then(
      () => this.fetchSettled(meta, id, "ok"),
      (error: unknown) => this.fetchSettled(meta, id, "error", error),
    );
    return promise === result;
  }

  /** The query's own `fn(...args)` threw `error` (which the router passes on). */
  threw(meta: EntryMeta | undefined, id: number, error: unknown): void {
    if (!meta) return;
    this.pendingMeta.delete(meta.key);
    this.fetchSettled(meta, id, "error", error);
  }

  /**
   * The router's response handler of the fetch (`meta`, `id`) runs: with its value, or its error
   * when not `ok`. A value that is not a Response it stores at once (setValue): the fetch-settle
   * says so, and that write is no event of its own. `storable`: false when the router will not store
   * this value (router 2.0: a newer fetch or query.set replaced the entry's promise, or a value that
   * came in a respond() envelope, stored later).
   */
  settle(meta: EntryMeta, id: number, ok: boolean, value: unknown, storable = true): void {
    if (!ok) return void this.fetchSettled(meta, id, "error", value);
    const stores = storable && !(typeof Response === "function" && value instanceof Response);
    if (this.fetchSettled(meta, id, stores ? "stored" : "ok") && stores) this.storing = true;
  }

  hydrate<T>(key: string, name: string, args: unknown[], cached: CacheTuple | undefined, value: T): T {
    this.safely(() => {
      const meta = (cached && this.meta.get(cached)) || this.newMeta(key, name, args, "initial", true);
      meta.hydrated = true;
    });
    return value;
  }

  revalidate(key: string | string[] | undefined, force: boolean, run: () => unknown): unknown {
    const at = sourceSites.triggerOf("revalidate");
    const revalidation: Revalidation = { cause: this.context.cause ?? (at === undefined ? { kind: "app" } : { kind: "app", at }), open: true };
    this.safely(() => this.revalidating(key, force, revalidation));
    const result = run();
    // Refetches start inside the router's transition; after it, a fetch has some other cause.
    const done = () => void (revalidation.open = false);
    Promise.resolve(result).then(done, done);
    return result;
  }

  /** Marks value writes during `query.set` (single-flight data) as such, with the app's call site if known. */
  setting<T>(key: string, run: () => T): T {
    return this.within("at", sourceSites.triggerOf("query-set"), () => this.within("settingKey", key, run));
  }

  removing<T>(reason: Removal, run: () => T): T {
    const at = reason === "delete" ? sourceSites.triggerOf("query-delete") : undefined;
    return this.within("at", at, () => this.within("removal", reason, run));
  }

  /** The router preloads a link's route (hover, focus, touch): its fetches name the `<A>`, if known. */
  preloading<T>(anchor: unknown, run: () => T): T {
    return sourceSites.preloading(anchor, run);
  }

  /** An action starts, submitted from `form` (the router's `this.f`) or called (useAction). */
  actionStart(url: string, input: unknown, form?: unknown): number {
    const id = ++this.actionSeq;
    this.actionStarts.set(id, performance.now());
    const definedAt = sourceSites.actionDefinition(url);
    const submittedAt = sourceSites.formSite(form) ?? sourceSites.triggerOf("use-action");
    this.emit({ kind: "action-start", id, name: actionName(url), input, ...(definedAt === undefined ? {} : { definedAt }), ...(submittedAt === undefined ? {} : { submittedAt }) });
    return id;
  }

  /** The action's response was read: these keys are about to be invalidated and refetched. */
  actionResponse(id: number, keys: string[] | undefined, flightKeys: string[] | undefined, response?: unknown): void {
    const at = sourceSites.responseSite(response);
    // `reload({ revalidate: [] })` sends an empty header, which the router splits into [""]: no key.
    this.emit({ kind: "action-response", id, revalidate: keys?.filter((k) => k !== "") ?? null, singleFlight: flightKeys ?? [], ...(at === undefined ? {} : { at }) });
    this.actionContext = id;
  }

  /** Router 2.0: action `id` calls its mutation; its response may reach the single-flight consumer meanwhile. */
  mutation<T>(id: number, run: () => T): T {
    this.mutating.add(id);
    const done = () => void this.mutating.delete(id);
    let result: T;
    try {
      result = run();
    } catch (error) {
      done();
      throw error;
    }
    Promise.resolve(result).then(done, done);
    return result;
  }

  /**
   * The action a single-flight response applied now belongs to: the one whose mutation is in
   * flight, if exactly one is (with none or several, the response is the app's, unattributed).
   */
  mutatingAction(): number | undefined {
    return this.mutating.size === 1 ? this.mutating.values().next().value : undefined;
  }

  withAction<T>(id: number, run: () => T): T {
    return this.withCause({ kind: "action", actionId: id }, run, () => (this.actionContext = undefined));
  }

  actionSettle(id: number, result: { data?: unknown; error?: unknown } | undefined): void {
    const started = this.actionStarts.get(id);
    this.actionStarts.delete(id);
    const ms = started === undefined ? 0 : performance.now() - started;
    const failed = result !== undefined && "error" in result;
    this.emit({ kind: "action-settle", id, ok: !failed, ms, result: result?.data, error: failed ? result.error : undefined });
  }

  /** The router walks the entries matching some keys (cacheKeyOp): those it invalidates make one event. */
  walk<T>(run: () => T): T {
    try {
      return run();
    } finally {
      this.safely(() => this.recorder.invalidationDone());
    }
  }

  /** Every router write that invalidates an entry (revalidate with force, an action's response, the devtools). */
  invalidate(tuple: CacheTuple): void {
    const was = tuple[0];
    tuple[0] = 0;
    if (was === 0) return;
    const meta = this.meta.get(tuple);
    if (meta) this.recorder.invalidated(meta.key, this.actionContext);
  }

  /** The source site of the reader (createAsync) running now, read once per query call that may subscribe. */
  reader(): number | undefined {
    return sourceSites.currentReader;
  }

  /**
   * Every router change of an entry's observer count: a reader subscribes (+1) or is cleaned up
   * (-1); `reader` is its source site, when known (the createAsync running when it subscribed).
   */
  observe(tuple: CacheTuple, delta: number, reader?: number): void {
    const signal = tuple[4];
    signal.count += delta;
    if (reader !== undefined) this.countReader(tuple, reader, delta);
    // No lookup here: a re-running reader drops and retakes its subscription, and only a count
    // that differs once the task settles is news (see reportObservers).
    if (tuple === this.lastObserved) return;
    this.lastObserved = tuple;
    if (!this.observerChangeCount) queueMicrotask(this.reportObserversSoon);
    this.observerChanges[this.observerChangeCount++] = tuple;
    this.observerChanges[this.observerChangeCount++] = signal.count - delta;
  }

  /** Every router write of an entry's value: a fetch's response, or `query.set` (single-flight data). */
  setValue(tuple: CacheTuple, value: unknown): void {
    const was = tuple[2];
    tuple[2] = value;
    // The write right after a fetch-settle that said "stored": the same response handler's, of its
    // own entry (nothing runs in between), already reported.
    if (this.storing) {
      this.storing = false;
      if (this.changes.size) this.safely(() => this.noteChange(tuple, value, "fetch"));
      return;
    }
    const meta = this.meta.get(tuple);
    if (!meta || Object.is(was, value)) return;
    let via: ValueChange["via"];
    if (this.context.settingKey === meta.key) via = this.setBy(meta);
    // Outside query.set, an entry query.set wrote gets the awaited value of the promise it wrote
    // (SolidStart's single-flight data): the end of that write, in its action's group.
    else via = meta.source === "set" ? "awaited" : "fetch";
    this.recorder.valueSet(meta.key, via, via === "fetch" ? undefined : meta.setActionId, via === "set" ? this.context.at : undefined);
    if (this.changes.size) this.safely(() => this.changes.written(meta.key, value, via));
  }

  // ---- devtools commands --------------------------------------------------------------------

  /** Whether the devtools are the caller (their own writes get the "devtools" cause; the app's keep theirs). */
  get byDevtools(): boolean {
    return this.context.cause?.kind === "devtools";
  }

  withCause<T>(cause: RevalidateCause, run: () => T, after?: () => void): T {
    try {
      return this.within("cause", cause, run);
    } finally {
      after?.();
    }
  }

  // ---- reading ------------------------------------------------------------------------------

  lookup(key: string): { tuple: CacheTuple; meta: EntryMeta } | undefined {
    const tuple = this.cacheMap?.get(key);
    const meta = tuple && this.meta.get(tuple);
    return tuple && meta ? { tuple, meta } : undefined;
  }

  keys(): string[] {
    return this.cacheMap ? [...this.cacheMap.keys()] : [];
  }

  /** An entry's observers at known source sites: [site id, count]. */
  readersOf(tuple: CacheTuple): [number, number][] | undefined {
    const counts = this.readers.get(tuple);
    return counts?.size ? [...counts] : undefined;
  }

  // ---- internals ----------------------------------------------------------------------------

  private countReader(tuple: CacheTuple, reader: number, delta: number): void {
    let counts = this.readers.get(tuple);
    if (!counts) this.readers.set(tuple, (counts = new Map()));
    const count = (counts.get(reader) ?? 0) + delta;
    if (count > 0) counts.set(reader, count);
    else counts.delete(reader);
  }

  private fetchStarted(key: string, name: string, args: unknown[], intent: string, cached: CacheTuple | undefined, now: number): EntryMeta {
    const meta = (cached && this.meta.get(cached)) || this.newMeta(key, name, args, intent, false, now);
    const revalidation = meta.revalidation?.open ? meta.revalidation.cause : undefined;
    meta.revalidation = undefined;
    const cause: FetchCause = revalidation ? "revalidate" : fetchCause(intent, cached);
    const id = ++this.fetchSeq;
    meta.fetches++;
    meta.source = "fetch";
    meta.setActionId = undefined;
    // The router replaced the entry's promise: a simulated state of it is over.
    if (this.simulations.size) this.simulations.ended(meta.key);
    // The router builds a new key string per call; the history keeps the entry's own one.
    // A link's preload: the `<A>` whose hover or focus started it (one field read when no preload runs).
    const at = cause === "preload" && sourceSites.currentTrigger !== undefined ? sourceSites.triggerOf("link") : undefined;
    const started = this.recorder.fetchStart(meta.key, id, cause, revalidation, now, at);
    if (meta.inFlight) (meta.superseded ??= new Map()).set(meta.fetchId, meta.fetchStartedAt);
    meta.fetchId = id;
    meta.fetchStartedAt = started;
    meta.inFlight = true;
    return meta;
  }

  /** Once per fetch, whichever of its handlers runs (true: this one); never throws into the router. */
  private fetchSettled(meta: EntryMeta, id: number, outcome: FetchOutcome, error?: unknown): boolean {
    try {
      const latest = meta.fetchId === id;
      const started = latest ? (meta.inFlight ? meta.fetchStartedAt : undefined) : meta.superseded?.get(id);
      if (started === undefined) return false;
      if (!latest) meta.superseded!.delete(id);
      const failed = outcome === "error";
      const ms = this.recorder.fetchSettle(meta.key, id, started, outcome, failed ? error : undefined);
      if (latest) {
        meta.inFlight = false;
        meta.failed = failed;
        meta.error = failed ? error : undefined;
        meta.lastFetchMs = ms;
      }
      return true;
    } catch (error) {
      this.warnOnce(error);
      return false;
    }
  }

  /** A fresh entry about to be stored by the router; announced now so it precedes its fetch. */
  private newMeta(key: string, name: string, args: unknown, intent: string, hydrated: boolean, now = Date.now()): EntryMeta {
    // Every field from the start: all entries share one hidden class, whatever happens to them.
    const meta: EntryMeta = {
      key,
      query: name,
      args,
      createdAt: now,
      fetches: 0,
      lastFetchMs: undefined,
      fetchId: 0,
      fetchStartedAt: 0,
      inFlight: false,
      superseded: undefined,
      failed: false,
      error: undefined,
      hydrated,
      observers: 0,
      source: "fetch",
      setActionId: undefined,
      revalidation: undefined,
    };
    this.pendingMeta.set(key, meta);
    this.recorder.entryCreated(key, name, String(intent), now);
    return meta;
  }

  private adopt(key: string, tuple: CacheTuple): void {
    if (this.meta.has(tuple)) return;
    let meta = this.pendingMeta.get(key);
    if (!meta) {
      const query = this.queryNameOf(key);
      meta = this.newMeta(key, query, decodeArgs(key, query), tuple[3], false);
    }
    this.pendingMeta.delete(key);
    this.meta.set(tuple, meta);
    if (this.context.settingKey === key) {
      const via = this.setBy(meta);
      this.recorder.valueSet(key, via, meta.setActionId, via === "set" ? this.context.at : undefined);
      if (this.changes.size) this.changes.written(key, tuple[2], via);
    }
  }

  /**
   * A reader that re-runs drops its subscription and takes it again in one synchronous step: only
   * the count the entry settles on is news, once per microtask, and only while it is still cached.
   */
  private reportObservers(): void {
    const changes = this.observerChanges;
    this.lastObserved = undefined;
    for (let i = 0; i < this.observerChangeCount; i += 2) {
      const tuple = changes[i] as CacheTuple;
      // Not kept past its report: the entry may be deleted.
      changes[i] = undefined;
      // Back where it was before this task's first change: the count last reported, nothing new.
      const observers = tuple[4].count;
      if (observers === changes[i + 1]) continue;
      const meta = this.meta.get(tuple);
      if (!meta || observers === meta.observers || this.cacheMap?.get(meta.key) !== tuple) continue;
      meta.observers = observers;
      this.recorder.observers(meta.key, observers);
    }
    this.observerChangeCount = 0;
  }

  /** A write of a watched entry's value (the changes keep only watched keys). */
  private noteChange(tuple: CacheTuple, value: unknown, via: ValueChange["via"]): void {
    const meta = this.meta.get(tuple);
    if (meta) this.changes.written(meta.key, value, via);
  }

  /** A `query.set` write of the entry: by the devtools or the app (single-flight data, in its action). */
  private setBy(meta: EntryMeta): "set" | "devtools" {
    meta.source = "set";
    meta.setActionId = this.actionContext;
    return this.byDevtools ? "devtools" : "set";
  }

  private revalidating(key: string | string[] | undefined, force: boolean, revalidation: Revalidation): void {
    const matched: string[] = [];
    const active: string[] = [];
    const reused: string[] = [];
    const now = Date.now();
    const visit = (entry: CacheTuple) => {
      const meta = this.meta.get(entry);
      if (!meta) return;
      matched.push(meta.key);
      if (entry[4].count <= 0) return;
      if (!refetches(entry, force, now)) return void reused.push(meta.key);
      active.push(meta.key);
      meta.revalidation = revalidation;
    };
    // Every entry (an action's default): straight over the router's map, no key to match.
    if (key === undefined && this.cacheMap) for (const entry of this.cacheMap.values()) visit(entry);
    else this.router?.cacheKeyOp(key, visit);
    const requested = key === undefined ? null : (Array.isArray(key) ? key : [key]).map(String).filter((k) => k !== "");
    this.emit({ kind: "revalidate", requested, matched, active, reused: reused.length ? reused : undefined, force, cause: revalidation.cause });
  }

  private removed(key: string, reason: Removal, at?: number): void {
    this.pendingMeta.delete(key);
    if (this.simulations.size) this.simulations.ended(key);
    if (this.changes.size) this.changes.removed(key);
    this.recorder.entryRemoved(key, reason, at);
  }

  /** The longest query name the key starts with; keys of unseen queries end before their args. */
  private queryNameOf(key: string): string {
    let best = "";
    for (const name of this.queryNames) if (key.startsWith(name) && name.length > best.length) best = name;
    if (best) return best;
    const bracket = key.indexOf("[");
    return bracket === -1 ? key : key.slice(0, bracket);
  }

  /** The rare kinds (the frequent ones go to the recorder's own methods). */
  private emit(body: RawEventBody): void {
    this.safely(() => this.recorder.emit(body));
  }

  /** Runs `run` with a context field set (the router's calls are synchronous), restoring it after. */
  private within<K extends keyof CacheInstrumentation["context"], T>(field: K, value: CacheInstrumentation["context"][K], run: () => T): T {
    const outer = this.context[field];
    this.context[field] = value;
    try {
      return run();
    } finally {
      this.context[field] = outer;
    }
  }

  private safely<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      this.warnOnce(error);
      return undefined;
    }
  }

  private warnOnce(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    console.warn("[solid-query-devtools] instrumentation error; the app is unaffected:", error);
  }
}

/** How long the router reuses an unobserved entry's value on a read (its PRELOAD_TIMEOUT). */
const PRELOAD_TIMEOUT = 5000;

/**
 * Whether an observed entry's reader, re-run by a revalidation, refetches: the router's own test on
 * a read (query.js, the same in 0.15, 0.16 and 1.0). An invalidated entry (or one the revalidation
 * forces) refetches, and on 2.0 one whose fetch rejected (stamped -1); a fresh one is read from the
 * cache, unless its one reader, which drops its subscription before it re-runs, finds it unobserved
 * and older than the preload window.
 */
function refetches(entry: CacheTuple, force: boolean, now: number): boolean {
  if (force || entry[0] <= 0) return true;
  return entry[4].count < 2 && now - entry[0] >= PRELOAD_TIMEOUT;
}

function fetchCause(intent: string, cached: CacheTuple | undefined): FetchCause {
  if (!cached) return intent === "preload" ? "preload" : "initial";
  if (cached[0] === 0) return "revalidate";
  if (intent === "preload") return "preload";
  return intent === "navigate" ? "navigation" : "expired";
}

/** Args as the router hashed them into the key (JSON after the query name). */
export function decodeArgs(key: string, query: string): unknown {
  try {
    return JSON.parse(key.slice(query.length));
  } catch {
    return key.slice(query.length);
  }
}

/** `https://action/<name>` for client actions; SolidStart server functions in dev end their id in `-<name>`. */
export function actionName(url: string): string {
  const base = "https://action/";
  if (url.startsWith(base)) return decodeURIComponent(url.slice(base.length));
  const serverId = /[?&]id=[^&#]*-([A-Za-z_$][\w$]*)(?:[&#]|$)/.exec(url);
  return serverId ? serverId[1] : url;
}
