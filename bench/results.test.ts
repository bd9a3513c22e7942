/* Judging goals: a band goal ("within"), and the check of a malformed band. */
import { expect, test } from "vitest";
import { checkResults, judge, type Results, type Row } from "./results.ts";
import { figure } from "./stats.ts";

const row = (ratios: number[], goal: Row["goal"]): Row =>
  judge({ id: "realistic.disconnected", label: "x", unit: "ms", value: figure([1, 2, 3]), ratio: figure(ratios), goal });

test("a 'within' goal holds the median ratio to its band, both ends included", () => {
  const band = (low: number, high: number) => ({ on: "ratio" as const, op: "within" as const, band: [low, high] as [number, number], bandLabel: "the A/A interval" });
  expect(row([0.99, 1.01, 1.02], band(0.98, 1.03)).met).toBe(true);
  expect(row([0.99, 1.03, 1.04], band(0.98, 1.03)).met).toBe(true);
  expect(row([1.02, 1.04, 1.06], band(0.98, 1.03)).met).toBe(false);
  expect(row([0.9, 0.95, 1.0], band(0.98, 1.03)).met).toBe(false);
});

test("checkResults reports a band that is not one", () => {
  const results = { rows: [row([1, 1, 1], { on: "ratio", op: "within", band: [1.1, 0.9], bandLabel: "the A/A interval" })] } as Results;
  expect(checkResults(results)).toContain("realistic.disconnected: malformed band");
});
