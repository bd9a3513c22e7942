/*
 * The runtime's event log: stamps each event with a sequence number and time, keeps the recent
 * history in a ring buffer and tells listeners. Events hold raw values (action input, results,
 * errors); they are previewed only when sent to a connected panel, so an idle page pays no
 * serialization.
 */
import type { DevtoolsEvent } from "../bridge/protocol.ts";
import type { Preview } from "../bridge/preview-schema.ts";
import { RingBuffer } from "./ring-buffer.ts";

type Rawify<E> = E extends unknown
  ? { [K in keyof E]: [Exclude<E[K], undefined>] extends [Preview] ? unknown : E[K] }
  : never;

/** A DevtoolsEvent whose value fields still hold the page's own values. */
export type RawEvent = Rawify<DevtoolsEvent>;
type Unstamped<E> = E extends unknown ? Omit<E, "seq" | "time"> : never;
export type RawEventBody = Unstamped<RawEvent>;

export class Recorder {
  private seq = 0;
  private readonly history: RingBuffer<RawEvent>;
  private readonly listeners = new Set<(event: RawEvent) => void>();

  constructor(capacity: number) {
    this.history = new RingBuffer(capacity);
  }

  /** `body` must be a fresh object (every caller passes a literal): it is stamped in place, not copied. */
  emit(body: RawEventBody): void {
    const event = body as RawEvent;
    event.seq = ++this.seq;
    event.time = Date.now();
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: RawEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recent(): RawEvent[] {
    return this.history.toArray();
  }

  get dropped(): number {
    return this.history.dropped;
  }

  clear(): void {
    this.history.clear();
  }
}
