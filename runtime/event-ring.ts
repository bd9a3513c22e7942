/*
 * The recorder's history: the newest `capacity` events, oldest first, kept as rows of two
 * preallocated tables. The kinds every fetch produces are stored as a few numbers and references,
 * with no object per event: a page without a panel open neither allocates nor retains thousands of
 * small objects (retained ones outlive the young generation, and the bench measured them at 8% of
 * the workload's time). The other kinds (actions, revalidations, invalidations) keep their object.
 * Overwriting counts as a drop, so the panel can say how much history it never saw.
 */
import type { FetchCause, RevalidateCause, ValueVia } from "../bridge/protocol.ts";
import type { RawEvent } from "./recorder.ts";

/** The frequent kinds: their fields go in a row's a, b (numbers, NaN for none), c and d (see hotEvent). */
export type HotKind = "entry-created" | "fetch-start" | "fetch-settle" | "value-set" | "observers" | "entry-removed";

const optional = (n: number) => (Number.isNaN(n) ? undefined : n);

/** The event a row stands for, built on demand (a snapshot, a connected panel). */
export function hotEvent(kind: HotKind, key: string, seq: number, time: number, a: number, b: number, c: unknown, d: unknown): RawEvent {
  // Literals of one shape per kind (no spread of a shared base): this runs for every event a panel receives.
  switch (kind) {
    case "entry-created":
      return { seq, time, key, kind, query: c as string, intent: d as string };
    case "fetch-start":
      return { seq, time, key, kind, fetchId: a, cause: c as FetchCause, revalidation: d as RevalidateCause | undefined, at: optional(b) };
    case "fetch-settle":
      return { seq, time, key, kind, fetchId: a, ok: c !== "error", ms: b, stored: c === "stored" || undefined, error: d };
    case "value-set":
      return { seq, time, key, kind, via: c as ValueVia, actionId: optional(a), at: optional(b) };
    case "observers":
      return { seq, time, key, kind, count: a };
    case "entry-removed":
      return { seq, time, key, kind, reason: c as "gc" | "delete" | "clear", at: optional(a) };
  }
}

/** Numbers per row (seq, time, a, b) and references per row (kind, key, c, d). */
const NUMBERS = 4;
const REFS = 4;

export class EventRing {
  /**
   * Two interleaved tables rather than a column per field: a row's writes land in two cache lines,
   * not eight (the history is written on the router's hot path, between the app's own work).
   */
  private readonly numbers: Float64Array;
  /** kind, key, c, d; a rare kind's row has no kind and its object in c. */
  private readonly refs: unknown[];
  private start = 0;
  private length = 0;
  /** Rows overwritten since creation or the last clear. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`event ring capacity must be a positive integer, got ${capacity}`);
    this.numbers = new Float64Array(capacity * NUMBERS);
    this.refs = new Array(capacity * REFS);
  }

  push(kind: HotKind, key: string, seq: number, time: number, a: number, b: number, c: unknown, d: unknown): void {
    const i = this.next();
    const n = i * NUMBERS;
    this.numbers[n] = seq;
    this.numbers[n + 1] = time;
    this.numbers[n + 2] = a;
    this.numbers[n + 3] = b;
    const r = i * REFS;
    this.refs[r] = kind;
    this.refs[r + 1] = key;
    this.refs[r + 2] = c;
    this.refs[r + 3] = d;
  }

  pushObject(event: RawEvent): void {
    const r = this.next() * REFS;
    this.refs[r] = undefined;
    this.refs[r + 1] = undefined;
    this.refs[r + 2] = event;
    this.refs[r + 3] = undefined;
  }

  get size(): number {
    return this.length;
  }

  /** The newest `count` events (all by default), oldest first. */
  toArray(count = this.length): RawEvent[] {
    const out: RawEvent[] = [];
    const { numbers, refs } = this;
    for (let k = this.length - Math.min(count, this.length); k < this.length; k++) {
      const i = (this.start + k) % this.capacity;
      const n = i * NUMBERS;
      const r = i * REFS;
      const kind = refs[r] as HotKind | undefined;
      out.push(kind ? hotEvent(kind, refs[r + 1] as string, numbers[n], numbers[n + 1], numbers[n + 2], numbers[n + 3], refs[r + 2], refs[r + 3]) : (refs[r + 2] as RawEvent));
    }
    return out;
  }

  clear(): void {
    // Let go of the values the rows reference (errors, causes, rare events).
    this.refs.fill(undefined);
    this.start = 0;
    this.length = 0;
    this.dropped = 0;
  }

  /** The row to write: a free one, or the oldest, dropped. Until the ring is full, `start` is 0. */
  private next(): number {
    if (this.length < this.capacity) return this.length++;
    const i = this.start;
    this.start = i + 1 === this.capacity ? 0 : i + 1;
    this.dropped++;
    return i;
  }
}
