/*
 * The contract between the Node-side suites and the bench pages: what each page puts on
 * `window.__bench`, with the sizes it is asked to run at and the figures it hands back.
 * Types only, so Node code can import it without loading any page code.
 */

/** The query-heavy router workload (index.html). */
export interface WorkloadSize {
  queries: number;
  instancesPerQuery: number;
  actions: number;
  navigations: number;
}

export interface WorkloadTimes {
  mountMs: number;
  actionsMs: number;
  navigationMs: number;
  totalMs: number;
  /** Epoch ms (timeOrigin + now) at the end, to compare with the panel's clock. */
  endedAt: number;
  /** Instances that showed the final version after the actions: must equal queries × instances. */
  settled: number;
}

export interface AppBench {
  run(size: WorkloadSize): Promise<WorkloadTimes>;
  /** Mounts the grid only. */
  mount(instances: { queries: number; instancesPerQuery: number }): Promise<void>;
  /**
   * Runs actions until the runtime recorded `events` in all (or until `actions` ran, for a page
   * without a runtime); the events recorded are counted (a snapshot) only in the first case, else 0.
   */
  churn(until: { events?: number; actions?: number }): Promise<{ actions: number; events: number }>;
  /** Events recorded so far by the runtime (0 without one). */
  events(): number;
}

/** The realistic-app workload (realistic/index.html): the demo app used like a person would, on a compressed schedule. */
export interface RealisticSize {
  /** Rounds of the session's script: five pages and three form submissions each. */
  rounds: number;
  /** A person's pause before each step. */
  pauseMs: number;
  /** The demo API's latency per call. */
  latencyMs: number;
}

export interface RealisticBench {
  /** Mounts the demo app and runs the script; `stepMs` is each step's time from its click until its result showed. */
  session(size: RealisticSize): Promise<{ totalMs: number; stepMs: number[]; fetches: number }>;
}

/** Synthetic stream through the real agent (bridge.html). */
export interface BridgeRun {
  sentEvents: number;
  firstSentAt: number;
  lastSentAt: number;
}

export interface BridgeBench {
  /** Pushes `events` through the real agent in chunks of `chunk` per task; the agent must be connected. */
  stream(events: number, chunk: number): Promise<BridgeRun>;
  /** The same payloads by raw window.postMessage to a plain listener: events/s. */
  raw(events: number, chunk: number): Promise<{ receivedEvents: number; ms: number }>;
  connected(): boolean;
}

/** The real panel UI over an in-memory wall (panel.html). */
export interface PanelBench {
  /** Builds the snapshot frame to deliver (outside the timing: the page's work, and its garbage). */
  prepareSnapshot(entries: number, events: number): void;
  /** Delivers the prepared snapshot and resolves after the first frame painted with it. */
  firstRender(): Promise<{ ms: number; decodeMs: number; rows: number }>;
  /** The floor of the first render: JSON.parse of the prepared frame's received copy, in ms. */
  parseFloor(): Promise<number>;
  /** Streams batches at `eventsPerSecond` for `seconds`: per-update handling time in ms. */
  live(eventsPerSecond: number, seconds: number, perBatch: number): Promise<{ updates: number[]; lateMs: number }>;
  /** Feeds `events` events in batches of `perBatch`, as fast as handled. */
  feed(events: number, perBatch: number): Promise<void>;
  showView(view: "queries" | "timeline" | "waterfall"): Promise<void>;
}

/** bridge/serialize.ts against JSON.stringify (serializer.html). */
export interface SerializerBench {
  cases(): string[];
  /** Operations per second over about `ms` milliseconds. */
  measure(name: string, how: "preview" | "json", ms: number): { opsPerSec: number; threw: boolean };
}

declare global {
  interface Window {
    __bench?: AppBench | RealisticBench | BridgeBench | PanelBench | SerializerBench;
  }
}
