/*
 * The runtime's event log: stamps each event with a sequence number and time, keeps the recent
 * history (event-ring.ts) and tells listeners. Events hold raw values (action input, results,
 * errors); they are previewed only when sent to a connected panel, so an idle page pays no
 * serialization, and the frequent kinds become objects only when someone listens or reads the
 * history. The agent reads it (`since`) once per batch, told of new events by `onRecord`.
 */
import { MAX_INVALIDATED_KEYS, type DevtoolsEvent, type FetchCause, type RevalidateCause, type ValueVia } from "../bridge/protocol.ts";
import type { Preview } from "../bridge/preview-schema.ts";
import { EventRing, hotEvent, type HotKind } from "./event-ring.ts";

type Rawify<E> = E extends unknown
  ? { [K in keyof E]: [Exclude<E[K], undefined>] extends [Preview] ? unknown : E[K] }
  : never;

/** A DevtoolsEvent whose value fields still hold the page's own values. */
export type RawEvent = Rawify<DevtoolsEvent>;
/** How a fetch ended: failed, succeeded, or succeeded and its value was stored at once. */
export type FetchOutcome = "error" | "ok" | "stored";
type Unstamped<E> = E extends unknown ? Omit<E, "seq" | "time"> : never;
/** The kinds recorded as objects: the rare ones. */
export type RawEventBody = Exclude<Unstamped<RawEvent>, { kind: HotKind }>;

export class Recorder {
  private seq = 0;
  /** The seq of the newest event `clear()` let go of: those were dropped on purpose. */
  private clearedAt = 0;
  private warned = false;
  private readonly history: EventRing;
  private readonly listeners = new Set<(event: RawEvent) => void>();
  /** Told that an event was recorded, without it: no event object is built for them. */
  private readonly notified: (() => void)[] = [];
  /**
   * The invalidation being recorded. The router marks entries stale in one walk over its cache (an
   * action's response marks every entry), and they make one event, not one each: a third of what
   * every refetch recorded. It is recorded, with the next seq, when the walk ends, or earlier if
   * another event is recorded or anyone reads the history, so nobody sees it half done or out of order.
   */
  private invalidation: { keys: string[]; actionId: number | undefined; time: number } | undefined;

  constructor(capacity: number) {
    this.history = new EventRing(capacity);
  }

  /** A rare kind. `body` must be a fresh object (every caller passes a literal): see `record`. */
  emit(body: RawEventBody): void {
    this.closeInvalidation();
    this.record(body, Date.now());
    this.notify();
  }

  // The frequent kinds, one method each, with positional fields: no object per call.
  entryCreated(key: string, query: string, intent: string, time: number): void {
    this.hot("entry-created", key, NaN, NaN, query, intent, time);
  }
  /** Returns the event's time, the fetch's start. */
  fetchStart(key: string, fetchId: number, cause: FetchCause, revalidation: RevalidateCause | undefined, time = Date.now(), at?: number): number {
    return this.hot("fetch-start", key, fetchId, at ?? NaN, cause, revalidation, time);
  }
  /** Returns the fetch's duration: from its start event's time to this one's. */
  fetchSettle(key: string, fetchId: number, started: number, outcome: FetchOutcome, error: unknown): number {
    const time = Date.now();
    const ms = time - started;
    this.hot("fetch-settle", key, fetchId, ms, outcome, error, time);
    return ms;
  }
  valueSet(key: string, via: ValueVia, actionId: number | undefined, at?: number): void {
    this.hot("value-set", key, actionId ?? NaN, at ?? NaN, via, undefined);
  }
  /** One entry marked stale: joins the invalidation being recorded, if it has the same cause. */
  invalidated(key: string, actionId: number | undefined): void {
    const open = this.invalidation;
    if (open && open.actionId === actionId && open.keys.length < MAX_INVALIDATED_KEYS) {
      open.keys.push(key);
      return;
    }
    this.closeInvalidation();
    this.invalidation = { keys: [key], actionId, time: Date.now() };
    if (this.notified.length) this.notify();
  }

  /** The router's walk over its cache ended: its invalidations are one event. */
  invalidationDone(): void {
    this.closeInvalidation();
  }
  observers(key: string, count: number): void {
    this.hot("observers", key, count, NaN, undefined, undefined);
  }
  entryRemoved(key: string, reason: "gc" | "delete" | "clear", at?: number): void {
    this.hot("entry-removed", key, at ?? NaN, NaN, reason, undefined);
  }

  subscribe(listener: (event: RawEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `notify` after each event recorded; it reads the events later, with `since`. */
  onRecord(notify: () => void): () => void {
    this.notified.push(notify);
    return () => {
      const i = this.notified.indexOf(notify);
      if (i !== -1) this.notified.splice(i, 1);
    };
  }

  recent(): RawEvent[] {
    this.closeInvalidation();
    return this.history.toArray();
  }

  /** The seq of the newest event recorded (0: none yet). */
  get lastSeq(): number {
    this.closeInvalidation();
    return this.seq;
  }

  /**
   * The events recorded after `seq`, oldest first, and how many of them the history no longer
   * holds (overwritten by newer ones; those a `clear()` let go of do not count).
   */
  since(seq: number): { events: RawEvent[]; missed: number } {
    this.closeInvalidation();
    const wanted = this.seq - Math.max(seq, this.clearedAt);
    const kept = Math.min(Math.max(0, wanted), this.history.size);
    return { events: this.history.toArray(kept), missed: Math.max(0, wanted - kept) };
  }

  get dropped(): number {
    this.closeInvalidation();
    return this.history.dropped;
  }

  clear(): void {
    this.closeInvalidation();
    this.history.clear();
    this.clearedAt = this.seq;
  }

  /**
   * One clock: events are stamped with Date.now() (a fetch's start and its entry's creation with the
   * router's own Date.now() of the call) and fetch durations are the difference of two stamps.
   * (performance.now() costs Chromium about 4× as much per call, and the panel shows
   * durations in whole milliseconds.)
   */
  private hot(kind: HotKind, key: string, a: number, b: number, c: unknown, d: unknown, time = Date.now()): number {
    if (this.invalidation) this.closeInvalidation();
    const seq = ++this.seq;
    this.history.push(kind, key, seq, time, a, b, c, d);
    if (this.listeners.size) this.tell(hotEvent(kind, key, seq, time, a, b, c, d));
    if (this.notified.length) this.notify();
    return time;
  }

  /** Stamps and keeps an event object; `body` must be fresh (stamped in place, not copied). */
  private record(body: RawEventBody, time: number): void {
    const event = body as RawEvent;
    event.seq = ++this.seq;
    event.time = time;
    this.history.pushObject(event);
    this.tell(event);
  }

  /** Records the invalidation being recorded, if any (its notice went when it began). */
  private closeInvalidation(): void {
    const open = this.invalidation;
    if (!open) return;
    this.invalidation = undefined;
    this.record({ kind: "invalidated", keys: open.keys, actionId: open.actionId }, open.time);
  }

  private notify(): void {
    for (const notify of this.notified) notify();
  }

  /** A listener that throws must not break the router call that produced the event. */
  private tell(event: RawEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        if (this.warned) continue;
        this.warned = true;
        console.warn("[solid-query-devtools] event listener failed; the app is unaffected:", error);
      }
    }
  }
}
