/*
 * Waterfall rows from a log: fetches of one cause that start together share a group; a fetch
 * whose start left the log still gets its bar from its duration; the filter keeps matching rows.
 */
import { expect, test } from "vitest";
import type { DevtoolsEvent } from "../../bridge/protocol.ts";
import { BURST_MS, buildWaterfall } from "./waterfall-rows.ts";

let seq = 0;
const start = (time: number, fetchId: number, key: string, cause: "navigation" | "preload" = "navigation"): DevtoolsEvent => ({ seq: ++seq, time, kind: "fetch-start", key, fetchId, cause });
const settle = (time: number, fetchId: number, key: string, ms: number, ok = true): DevtoolsEvent => ({ seq: ++seq, time, kind: "fetch-settle", key, fetchId, ok, ms });

const summary = (log: DevtoolsEvent[], needle = "") =>
  buildWaterfall(log, needle).rows.map((row) => `${row.type}:${row.type === "fetch" ? row.key : row.type === "group" ? row.label : row.label} ${row.start}-${row.end ?? "…"}`);

test("fetches of one cause within BURST_MS of the first are one group spanning them", () => {
  const log = [start(0, 1, "a[]"), start(5, 2, "b[]"), settle(150, 1, "a[]", 150), start(BURST_MS + 1, 3, "c[]"), settle(300, 2, "b[]", 295, false), start(20, 4, "d[]", "preload")];
  expect(summary(log)).toEqual(["group:navigation · 2 fetches 0-300", "fetch:a[] 0-150", "fetch:b[] 5-300", "fetch:c[] 101-…", "fetch:d[] 20-…"]);
  const model = buildWaterfall(log);
  expect(model.rows[0]).toMatchObject({ outcome: "error", fetches: 2 });
  expect(model).toMatchObject({ extent: { start: 0, end: 300 }, pending: true });
});

test("a settle whose start left the log is drawn back from its duration", () => {
  expect(summary([settle(500, 9, "x[]", 120)])).toEqual(["fetch:x[] 380-500"]);
});

test("the filter keeps matching fetches; markers always show", () => {
  const log: DevtoolsEvent[] = [start(0, 1, "a[]"), start(1, 2, "b[]")];
  const marker = { kind: "marker" as const, seq: -1, time: 2, text: "page loaded" };
  expect(buildWaterfall([...log, marker], "b[").rows.map((row) => row.type === "fetch" ? row.key : row.type)).toEqual(["b[]", "ticks"]);
  expect(buildWaterfall([]).extent).toBeUndefined();
});

test("a rebuild keeps the row objects of what did not change", () => {
  const log: DevtoolsEvent[] = [start(0, 1, "a[]"), start(500, 2, "b[]")];
  const first = buildWaterfall(log).rows;
  const second = buildWaterfall([...log, settle(600, 2, "b[]", 100)]).rows;
  expect(second[0]).toBe(first[0]);
  expect(second[1]).not.toBe(first[1]);
  expect(second[1]).toMatchObject({ key: "b[]", end: 600, outcome: "ok" });
});
