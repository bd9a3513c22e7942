/*
 * The latest value changes of the entries a panel watches (their details are open): each write
 * that changed the value is diffed against the value before it (value-diff.ts) and kept, the last
 * MAX_CHANGES per key. Entries nobody watches have no record here and cost one `size` check per
 * write. Each agent tracks the keys its panel watches; a key is dropped when no agent does.
 */
import type { ValueChange } from "../bridge/protocol.ts";
import { diffValues } from "./value-diff.ts";

/** Changes kept per watched key. */
export const MAX_CHANGES = 10;

interface Watched {
  /** Agents watching. */
  watchers: number;
  /** The last settled value written (a promise's awaited value is diffed when it lands, not the promise). */
  baseline: unknown;
  changes: ValueChange[];
  /** Bumped on every change: an agent sends a key's list when it differs from the one it sent. */
  version: number;
}

export class ValueChanges {
  private readonly records = new Map<string, Watched>();

  /** Any key watched: the one check a write of an unwatched entry pays. */
  get size(): number {
    return this.records.size;
  }

  /** A panel watches `key`, whose value is `current` now; returns the release. */
  track(key: string, current: () => unknown): () => void {
    let record = this.records.get(key);
    if (!record) this.records.set(key, (record = { watchers: 0, baseline: settled(current()), changes: [], version: 0 }));
    record.watchers++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--record.watchers === 0 && this.records.get(key) === record) this.records.delete(key);
    };
  }

  /** The router wrote `value` to a watched entry's tuple: a thenable waits for its awaited value. */
  written(key: string, value: unknown, via: ValueChange["via"]): void {
    const record = this.records.get(key);
    if (!record || isThenable(value)) return;
    const before = record.baseline;
    record.baseline = value;
    if (Object.is(before, value)) return;
    const { paths, more } = diffValues(before, value);
    if (!paths.length) return;
    record.changes.push({ time: Date.now(), via, paths, more });
    if (record.changes.length > MAX_CHANGES) record.changes.shift();
    record.version++;
  }

  /** The entry left the cache: a later entry of the same key starts from nothing. */
  removed(key: string): void {
    const record = this.records.get(key);
    if (record) record.baseline = undefined;
  }

  version(key: string): number {
    return this.records.get(key)?.version ?? 0;
  }

  list(key: string): ValueChange[] {
    return this.records.get(key)?.changes ?? [];
  }
}

export function isThenable(value: unknown): boolean {
  try {
    return value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as { then?: unknown }).then === "function";
  } catch {
    return false;
  }
}

const settled = (value: unknown) => (isThenable(value) ? undefined : value);
