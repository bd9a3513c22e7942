/*
 * How big each suite runs: the full bench, and the tiny smoke run `npm test` uses to prove the
 * bench works end to end (its figures mean nothing).
 */
import type { RealisticSize, WorkloadSize } from "./pages/api.ts";

export interface Sizes {
  reps: number;
  workload: WorkloadSize;
  realistic: RealisticSize;
  bridge: { events: number; chunk: number };
  panel: { entries: number; events: number; liveEventsPerSecond: number; liveSeconds: number; perBatch: number };
  heap: { queries: number; instancesPerQuery: number; checkpoint: number; events: number; panelBatch: number };
  serializer: { ms: number };
}

export const FULL: Sizes = {
  reps: 7,
  workload: { queries: 50, instancesPerQuery: 20, actions: 50, navigations: 50 },
  realistic: { rounds: 3, pauseMs: 120, latencyMs: 50 },
  bridge: { events: 100_000, chunk: 1_000 },
  panel: { entries: 10_000, events: 100_000, liveEventsPerSecond: 1_000, liveSeconds: 5, perBatch: 10 },
  heap: { queries: 50, instancesPerQuery: 20, checkpoint: 100_000, events: 1_000_000, panelBatch: 5_000 },
  serializer: { ms: 200 },
};

export const TINY: Sizes = {
  reps: 2,
  workload: { queries: 5, instancesPerQuery: 4, actions: 3, navigations: 3 },
  realistic: { rounds: 1, pauseMs: 10, latencyMs: 5 },
  bridge: { events: 2_000, chunk: 500 },
  panel: { entries: 200, events: 2_000, liveEventsPerSecond: 1_000, liveSeconds: 0.2, perBatch: 10 },
  heap: { queries: 5, instancesPerQuery: 4, checkpoint: 2_000, events: 5_000, panelBatch: 500 },
  serializer: { ms: 5 },
};
