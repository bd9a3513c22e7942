/*
 * The shape of bench/results.json: one row per figure, each with its repetitions summarized,
 * the floor it is compared with and the goal it is held to. `checkResults` is what the tiny run
 * in `npm test` asserts: well-formed, never how fast.
 */
import type { Figure } from "./stats.ts";

export interface Goal {
  /** Which number the goal applies to. */
  on: "value" | "ratio";
  op: "<=" | ">=" | "<" | "==";
  target: number;
}

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
  if (!row.goal) return row;
  const { on, op, target } = row.goal;
  const actual = on === "ratio" ? row.ratio?.median : row.value.median;
  if (actual === undefined) return { ...row, met: false };
  const met = op === "<=" ? actual <= target : op === ">=" ? actual >= target : op === "<" ? actual < target : actual === target;
  return { ...row, met };
}

/** The suite ids every run must produce. */
export const REQUIRED_ROWS = [
  "overhead.disconnected",
  "overhead.overlay-closed",
  "overhead.connected",
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
  }
  return problems;
}
