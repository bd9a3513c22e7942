/* Summaries of repeated measurements: the median's confidence interval. */
import { expect, test } from "vitest";
import { figure } from "./stats.ts";

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => n - i);

test("the median's 95% interval is the order statistics around it, the whole range for few samples", () => {
  expect(figure(oneTo(42))).toMatchObject({ median: 21.5, medianCi: [15, 28] });
  expect(figure(oneTo(100)).medianCi).toEqual([40, 61]);
  expect(figure(oneTo(7)).medianCi).toEqual([1, 7]);
  expect(figure([5]).medianCi).toEqual([5, 5]);
});
