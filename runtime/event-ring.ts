/*
 * The recorder's history: the newest `capacity` events, oldest first, kept column by column in
 * preallocated arrays. The kinds every fetch produces are stored as a few numbers and references,
 * with no object per event: a page without a panel open neither allocates nor retains thousands of
 * small objects (retained ones outlive the young generation, and the bench measured them at 8% of
 * the workload's time). The other kinds (actions, revalidations, invalidations) keep their object.
 * Overwriting counts as a drop, so the panel can say how much history it never saw.
 */
import type { FetchCause, RevalidateCause } from "../bridge/protocol.ts";
import type { RawEvent } from "./recorder.ts";

/** The frequent kinds: their fields go in columns a, b (numbers, NaN for none), c and d (see hotEvent). */
export type HotKind = "entry-created" | "fetch-start" | "fetch-settle" | "value-set" | "observers" | "entry-removed";

const optional = (n: number) => (Number.isNaN(n) ? undefined : n);

/** The event a row stands for, built on demand (a snapshot, a connected panel). */
export function hotEvent(kind: HotKind, key: string, seq: number, time: number, a: number, b: number, c: unknown, d: unknown): RawEvent {
  // Literals of one shape per kind (no spread of a shared base): this runs for every event a panel receives.
  switch (kind) {
    case "entry-created":
      return { seq, time, key, kind, query: c as string, intent: d as string };
    case "fetch-start":
      return { seq, time, key, kind, fetchId: a, cause: c as FetchCause, revalidation: d as RevalidateCause | undefined };
    case "fetch-settle":
      return { seq, time, key, kind, fetchId: a, ok: c !== "error", ms: b, stored: c === "stored" || undefined, error: d };
    case "value-set":
      return { seq, time, key, kind, via: c as "fetch" | "set", actionId: optional(a) };
    case "observers":
      return { seq, time, key, kind, count: a };
    case "entry-removed":
      return { seq, time, key, kind, reason: c as "gc" | "delete" | "clear" };
  }
}

export class EventRing {
  private readonly kinds: (HotKind | undefined)[];
  private readonly keys: (string | undefined)[];
  private readonly seqs: Float64Array;
  private readonly times: Float64Array;
  private readonly as: Float64Array;
  private readonly bs: Float64Array;
  private readonly cs: unknown[];
  private readonly ds: unknown[];
  /** Rare kinds, whole. */
  private readonly objects: (RawEvent | undefined)[];
  private start = 0;
  private length = 0;
  /** Rows overwritten since creation or the last clear. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`event ring capacity must be a positive integer, got ${capacity}`);
    this.kinds = new Array(capacity);
    this.keys = new Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.as = new Float64Array(capacity);
    this.bs = new Float64Array(capacity);
    this.cs = new Array(capacity);
    this.ds = new Array(capacity);
    this.objects = new Array(capacity);
  }

  push(kind: HotKind, key: string, seq: number, time: number, a: number, b: number, c: unknown, d: unknown): void {
    const i = this.next();
    this.kinds[i] = kind;
    this.keys[i] = key;
    this.seqs[i] = seq;
    this.times[i] = time;
    this.as[i] = a;
    this.bs[i] = b;
    this.cs[i] = c;
    this.ds[i] = d;
    this.objects[i] = undefined;
  }

  pushObject(event: RawEvent): void {
    const i = this.next();
    this.kinds[i] = undefined;
    this.keys[i] = undefined;
    this.cs[i] = undefined;
    this.ds[i] = undefined;
    this.objects[i] = event;
  }

  get size(): number {
    return this.length;
  }

  /** The newest `count` events (all by default), oldest first. */
  toArray(count = this.length): RawEvent[] {
    const out: RawEvent[] = [];
    for (let n = this.length - Math.min(count, this.length); n < this.length; n++) {
      const i = (this.start + n) % this.capacity;
      const kind = this.kinds[i];
      out.push(kind ? hotEvent(kind, this.keys[i]!, this.seqs[i], this.times[i], this.as[i], this.bs[i], this.cs[i], this.ds[i]) : this.objects[i]!);
    }
    return out;
  }

  clear(): void {
    // Let go of the values the rows reference (errors, causes, rare events).
    this.cs.fill(undefined);
    this.ds.fill(undefined);
    this.objects.fill(undefined);
    this.start = 0;
    this.length = 0;
    this.dropped = 0;
  }

  /** The row to write: a free one, or the oldest, dropped. */
  private next(): number {
    if (this.length < this.capacity) return (this.start + this.length++) % this.capacity;
    const i = this.start;
    this.start = (this.start + 1) % this.capacity;
    this.dropped++;
    return i;
  }
}
