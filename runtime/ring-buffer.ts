/*
 * Fixed-capacity history: the newest `capacity` items, oldest first. Overwriting counts as a
 * drop, so the panel can say how much history it never saw.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private length = 0;
  /** Items overwritten since creation or the last clear. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    this.items = new Array(capacity);
  }

  push(item: T): void {
    if (this.length < this.capacity) {
      this.items[(this.start + this.length++) % this.capacity] = item;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
      this.dropped++;
    }
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items = new Array(this.capacity);
    this.start = 0;
    this.length = 0;
    this.dropped = 0;
  }
}
