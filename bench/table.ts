/*
 * The printed table: one line per figure, median with [min–max] over the repetitions, its floor,
 * the paired ratio and the goal, plus notes underneath.
 */
import type { Results, Row } from "./results.ts";
import type { Figure } from "./stats.ts";

function num(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e6) return `${(x / 1e6).toFixed(abs >= 1e7 ? 1 : 2)}M`;
  if (abs >= 1e4) return `${(x / 1e3).toFixed(abs >= 1e5 ? 0 : 1)}k`;
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  return x.toFixed(abs >= 1 ? 2 : 3);
}

const spread = (f: Figure) => (f.n > 1 ? ` [${num(f.min)}–${num(f.max)}]` : "");
const cell = (f: Figure | undefined, unit = "") => (f ? `${num(f.median)}${unit && ` ${unit}`}${spread(f)}` : "");

function goalText(row: Row): string {
  const goal = row.goal;
  if (!goal) return "";
  const unit = goal.on === "ratio" ? "×" : ` ${row.unit}`;
  const bound = goal.op === "within" ? `within ${goal.bandLabel} ${goal.band.map((x) => x.toFixed(3)).join("–")}` : `${goal.op} ${num(goal.target)}`;
  return `${goal.on === "ratio" ? "ratio" : "value"} ${bound}${unit}`;
}

export function formatTable(results: Results): string {
  const header = ["Figure", "Value (median [min–max])", "Floor", "Ratio", "Goal", "Met"];
  const lines = results.rows.map((row) => [
    row.label,
    cell(row.value, row.unit),
    row.floor ? `${row.floor.label}: ${cell(row.floor.value)}` : "",
    row.ratio ? `${cell(row.ratio)}×` : "",
    goalText(row),
    row.met === undefined ? "" : row.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (line: string[]) => `| ${line.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const notes = results.rows.filter((row) => row.note).map((row) => `- ${row.label}: ${row.note}`);
  const m = results.machine;
  return [
    `${results.mode} run, ${m.cpus} × ${m.cpuModel}, Chromium ${m.chromium}, Node ${m.node}, load average ${m.loadAverage.start.map((l) => l.toFixed(1)).join("/")} at start, ${results.durationS.toFixed(0)} s`,
    "",
    format(header),
    format(widths.map((w) => "-".repeat(w))),
    ...lines.map(format),
    ...(notes.length ? ["", ...notes] : []),
  ].join("\n");
}
