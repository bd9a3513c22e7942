/*
 * The waterfall's time axis: fit and follow by default, zoom around a point, pan, nice ruler steps.
 */
import { expect, test } from "vitest";
import { niceStep, pan, rulerTicks, timeWindow, zoomAround } from "./time-window.ts";

const extent = { start: 1_000, end: 2_000 };

test("unset zoom fits everything with a little room; a live end keeps following", () => {
  expect(timeWindow(extent, {})).toEqual({ start: 980, span: 1040 });
  const zoomed = zoomAround(extent, {}, 0.5, 2020);
  // Zoomed at the end, the window keeps the end in view as the data grows.
  expect(zoomed).toEqual({ span: 520 });
  expect(timeWindow({ start: 1_000, end: 3_000 }, zoomed)).toEqual({ start: 3_040 - 520, span: 520 });
});

test("zoom keeps the anchor where it is on screen; out again to all clears the zoom", () => {
  const zoom = zoomAround(extent, {}, 0.25, 1_500);
  const view = timeWindow(extent, zoom);
  expect(view.span).toBe(260);
  // 1,500 was at (1500 - 980) / 1040 = 50% of the width, and still is.
  expect((1_500 - view.start) / view.span).toBeCloseTo(0.5);
  expect(zoomAround(extent, zoom, 100, 1_500)).toEqual({});
});

test("panning leaves the end (stops following), is bounded by the data, and back at the end follows again", () => {
  const zoom = zoomAround(extent, {}, 0.5, 2_020);
  const back = pan(extent, zoom, -100);
  expect(back).toEqual({ span: 520, start: 2_020 - 520 - 100 });
  expect(timeWindow({ start: 1_000, end: 5_000 }, back).start).toBe(1_400);
  expect(pan(extent, back, -10_000)).toEqual({ span: 520, start: 980 });
  expect(pan(extent, back, 10_000)).toEqual({ span: 520 });
});

test("the ruler steps 1, 2, 5 × 10ⁿ ms, labelled in seconds from the origin", () => {
  expect([niceStep(1000, 10), niceStep(1000, 4), niceStep(1000, 3), niceStep(7, 10)]).toEqual([100, 500, 500, 1]);
  const ticks = rulerTicks({ start: 1_000 - 30, span: 1_000 }, 1_000, 5);
  expect(ticks.map((tick) => tick.label)).toEqual(["0.0 s", "0.2 s", "0.4 s", "0.6 s", "0.8 s"]);
  expect(rulerTicks({ start: 1_000, span: 40 }, 1_000, 4).map((tick) => tick.label)).toEqual(["0.00 s", "0.01 s", "0.02 s", "0.03 s", "0.04 s"]);
});
