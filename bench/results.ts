/*
 * The shape of bench/results.json: one row per figure, each with its repetitions summarized,
 * the floor it is compared with and the goal it is held to. `checkResults` is what the tiny run
 * in `npm test` asserts: well-formed, never how fast.
 */
import type { Figure } from "./stats.ts";

/** What a row's median (of its value or its ratio) is held to: a bound, or a band it must lie within. */
export type Goal = { on: "value" | "ratio" } & ({ op: "<=" | ">=" | "<" | "=="; target: number } | { op: "within"; band: [number, number]; bandLabel: string });

export interface Row {
  id: string;
  label: string;
  unit: string;
  value: Figure;
  floor?: { label: string; value: Figure };
  /** Subject ÷ floor, per repetition. */
  ratio?: Figure;
  goal?: Goal;
  met?: boolean;
  note?: string;
  /** Supporting numbers kept in results.json only. */
  detail?: Record<string, unknown>;
}

export interface Results {
  mode: "full" | "tiny";
  startedAt: string;
  durationS: number;
  machine: { cpus: number; cpuModel: string; node: string; chromium: string; loadAverage: { start: number[]; end: number[] } };
  sizes: unknown;
  rows: Row[];
}

export function judge(row: Omit<Row, "met">): Row {
  const goal = row.goal;
  if (!goal) return row;
  const actual = goal.on === "ratio" ? row.ratio?.median : row.value.median;
  if (actual === undefined) return { ...row, met: false };
  if (goal.op === "within") return { ...row, met: goal.band[0] <= actual && actual <= goal.band[1] };
  const { op, target } = goal;
  const met = op === "<=" ? actual <= target : op === ">=" ? actual >= target : op === "<" ? actual < target : actual === target;
  return { ...row, met };
}

/** The suite ids every run must produce. */
export const REQUIRED_ROWS = [
  "overhead.disconnected",
  "overhead.overlay-closed",
  "overhead.connected",
  "realistic.aa",
  "realistic.disconnected",
  "realistic.connected",
  "bridge.throughput",
  "bridge.lost",
  "panel.first-render",
  "panel.live.queries",
  "panel.live.timeline",
  "panel.waterfall.first-render",
  "panel.live.waterfall",
  "panel.live.keep-up",
  "heap.runtime",
  "heap.panel",
];

function figureProblems(where: string, f: Figure | undefined): string[] {
  if (!f) return [`${where}: missing`];
  const values = [f.median, f.min, f.max, f.q1, f.q3];
  if (!values.every(Number.isFinite)) return [`${where}: non-finite number`];
  if (!(f.n >= 1 && f.min <= f.median && f.median <= f.max && f.q1 <= f.q3)) return [`${where}: inconsistent summary`];
  return [];
}

/** Every problem with a results object; empty when well-formed. */
export function checkResults(results: Results): string[] {
  const problems: string[] = [];
  const ids = new Set(results.rows.map((row) => row.id));
  for (const id of REQUIRED_ROWS) if (!ids.has(id)) problems.push(`${id}: row missing`);
  if (!results.rows.some((row) => row.id.startsWith("serializer."))) problems.push("serializer: no rows");
  for (const row of results.rows) {
    problems.push(...figureProblems(`${row.id}.value`, row.value));
    if (row.floor) problems.push(...figureProblems(`${row.id}.floor`, row.floor.value));
    if (row.ratio || row.goal?.on === "ratio") problems.push(...figureProblems(`${row.id}.ratio`, row.ratio));
    if (row.goal && typeof row.met !== "boolean") problems.push(`${row.id}: goal not judged`);
    if (row.goal?.op === "within" && !(row.goal.band.every(Number.isFinite) && row.goal.band[0] <= row.goal.band[1])) problems.push(`${row.id}: malformed band`);
  }
  return problems;
}
