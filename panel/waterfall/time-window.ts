/*
 * The waterfall's visible time range and its ruler. The user's zoom and pan are kept as a span
 * and a start that are each unset until set: no span shows everything, no start follows the end
 * of the data, so a live stream keeps extending the axis until the user pans away from its end.
 * Pure.
 */

/** The data's time range (epoch ms). */
export interface Extent {
  start: number;
  end: number;
}

/** The user's view: `span` unset shows the whole extent; `start` unset keeps the end in view. */
export interface Zoom {
  span?: number;
  start?: number;
}

/** What is drawn: from `start` to `start + span` (epoch ms). */
export interface TimeWindow {
  start: number;
  span: number;
}

/** The narrowest view: a millisecond is the events' resolution. */
export const MIN_SPAN = 1;
/** Room around the data, as a share of its length, so no bar touches the edge. */
const PAD = 0.02;

/** The whole extent, with a little room on both sides. */
function padded(extent: Extent): TimeWindow {
  const length = Math.max(extent.end - extent.start, MIN_SPAN * 10);
  return { start: extent.start - length * PAD, span: length * (1 + 2 * PAD) };
}

export function timeWindow(extent: Extent, zoom: Zoom): TimeWindow {
  const all = padded(extent);
  if (zoom.span === undefined) return all;
  const span = Math.min(zoom.span, all.span);
  const end = all.start + all.span;
  return { start: zoom.start === undefined ? end - span : Math.max(all.start, Math.min(zoom.start, end - span)), span };
}

/** Turns a window back into a zoom, unsetting what equals the defaults (all of it, or at the end). */
function normalize(extent: Extent, view: TimeWindow): Zoom {
  const all = padded(extent);
  if (view.span >= all.span) return {};
  const span = Math.max(MIN_SPAN, view.span);
  const atEnd = view.start + span >= all.start + all.span - span * 1e-3;
  return atEnd ? { span } : { span, start: Math.max(all.start, view.start) };
}

/** Zooms by `factor` (< 1 in, > 1 out) keeping time `anchor` where it is on screen. */
export function zoomAround(extent: Extent, zoom: Zoom, factor: number, anchor: number): Zoom {
  const view = timeWindow(extent, zoom);
  const span = Math.max(MIN_SPAN, view.span * factor);
  return normalize(extent, { start: anchor - ((anchor - view.start) * span) / view.span, span });
}

/** Moves the view by `ms` (later when positive). */
export function pan(extent: Extent, zoom: Zoom, ms: number): Zoom {
  const view = timeWindow(extent, zoom);
  return normalize(extent, { start: view.start + ms, span: view.span });
}

/** A position in the window as a percentage of its width (may lie outside 0–100). */
export const percentAt = (view: TimeWindow, time: number) => ((time - view.start) / view.span) * 100;

/** Whether [start, end] shows in the window. */
export const overlaps = (view: TimeWindow, start: number, end: number) => end >= view.start && start <= view.start + view.span;

/** 1, 2 or 5 times a power of ten: the ruler's steps, in ms. */
export function niceStep(span: number, maxTicks: number): number {
  const raw = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Math.max(step, 0.001);
}

export interface RulerTick {
  time: number;
  label: string;
}

/** The ruler's ticks in the window, labelled in seconds since `origin` with the digits the step needs. */
export function rulerTicks(view: TimeWindow, origin: number, maxTicks: number): RulerTick[] {
  const step = niceStep(view.span, maxTicks);
  const digits = Math.max(0, Math.ceil(-Math.log10(step / 1000) - 1e-9));
  const ticks: RulerTick[] = [];
  const last = Math.floor((view.start + view.span - origin) / step);
  for (let i = Math.ceil((view.start - origin) / step); i <= last; i++) {
    const t = i * step;
    ticks.push({ time: origin + t, label: `${(t / 1000).toFixed(digits)} s` });
  }
  return ticks;
}
