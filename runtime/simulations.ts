/*
 * Simulated loading and error states, through the router's real cache: the entry's promise (where
 * the router's readers look) becomes one that never settles or one that rejects, the entry is
 * marked fresh so a re-run reader takes it from the cache instead of fetching, and the readers are
 * re-run with the router's own version signal. That signal is set outside a transition on purpose:
 * the router's `revalidate` sets it inside one, where Solid keeps showing the old content instead
 * of a Suspense fallback (and a transition that never ends would hold every later navigation).
 * Restore puts the saved promise back and re-runs the readers the same way. The entry's value is
 * never touched.
 */
import type { CacheTuple } from "./cache-instrumentation.ts";
import type { Recorder } from "./recorder.ts";

export type SimulatedState = "pending" | "error";

interface Simulation {
  state: SimulatedState;
  tuple: CacheTuple;
  /** The promise put in the entry: while it is still there, the simulation holds. */
  promise: Promise<unknown>;
  error: Error | undefined;
  /** The entry's own timestamp and promise, put back by restore. */
  saved: [updatedAt: number, promise: unknown];
}

export class Simulations {
  private readonly byKey = new Map<string, Simulation>();

  constructor(private readonly recorder: Recorder) {}

  get(key: string): Pick<Simulation, "state" | "error"> | undefined {
    return this.byKey.get(key);
  }

  start(key: string, tuple: CacheTuple, state: SimulatedState): void {
    const current = this.byKey.get(key);
    const saved: Simulation["saved"] = current && current.tuple === tuple ? current.saved : [tuple[0], tuple[1]];
    const error = state === "error" ? new Error(`Simulated by Solid Query Devtools: ${key} failed`) : undefined;
    // A pending one never settles: once restore drops it, nothing references it and it is collected
    // with the readers' reactions (settling it would run their handlers, which store its value).
    const promise = error ? Promise.reject(error) : new Promise<never>(() => {});
    // The readers' own handlers see the rejection; this keeps one nobody reads from being reported as unhandled.
    if (error) promise.catch(() => {});
    tuple[0] = Date.now();
    tuple[1] = promise;
    this.byKey.set(key, { state, tuple, promise, error, saved });
    this.recorder.emit({ kind: "simulation", key, state });
    rerunReaders(tuple);
  }

  /** Puts the saved promise back (if the simulated one is still in place) and re-runs the readers; false if not simulated. */
  restore(key: string): boolean {
    const simulation = this.byKey.get(key);
    if (!simulation) return false;
    this.byKey.delete(key);
    const { tuple, saved } = simulation;
    if (tuple[1] === simulation.promise) {
      // Fresh, so the re-run readers take the saved promise instead of fetching; still stale if it was
      // invalidated, and still rejected (2.0's -1: the next read refetches) if its fetch failed.
      tuple[0] = saved[0] <= 0 ? saved[0] : Date.now();
      tuple[1] = saved[1];
    }
    this.recorder.emit({ kind: "simulation", key, state: "restored" });
    rerunReaders(tuple);
    return true;
  }

  /** The router fetched the entry anew or dropped it: its simulated promise is gone. */
  ended(key: string): void {
    const simulation = this.byKey.get(key);
    if (!simulation) return;
    this.byKey.delete(key);
    this.recorder.emit({ kind: "simulation", key, state: "ended" });
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** The router's own signal of the entry, as `revalidate` sets it: every reader tracking it re-runs. */
function rerunReaders(tuple: CacheTuple): void {
  tuple[4][1](Date.now());
}
