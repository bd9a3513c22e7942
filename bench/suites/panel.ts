/*
 * 3a. The panel at scale, in the real panel UI (pages/panel.tsx): time to the first frame showing
 * a snapshot of many entries and events, then the cost of each live update while a stream of
 * 1,000 events/s arrives, in the Queries and then the Timeline view. The floor of the first
 * render is the JSON.parse of the same frame, which any decoding of it needs. The waterfall's
 * first render is the same snapshot arriving at a panel showing the waterfall (a page of its own,
 * in the same repetition: side by side with its own JSON.parse), then its live updates.
 * Keeping up: each view's stream ends within KEEP_UP_MS of its schedule (the timeline and the
 * waterfall redraw at most ten times a second, outside the per-update figure, so their lateness is
 * what tells).
 */
import type { Page } from "puppeteer-core";
import { heapUsed } from "../browser.ts";
import { openPage, type Context } from "../context.ts";
import type { PanelBench } from "../pages/api.ts";
import { judge, type Row } from "../results.ts";
import { figure, median, pairedRatio, percentile } from "../stats.ts";

type View = "queries" | "timeline" | "waterfall";
const VIEWS: View[] = ["queries", "timeline", "waterfall"];
/** One apply interval of the extension's panel: a stream this close to schedule kept up. */
const KEEP_UP_MS = 100;

export async function panel(ctx: Context): Promise<Row[]> {
  const { entries, events, liveEventsPerSecond, liveSeconds, perBatch } = ctx.sizes.panel;
  const first: number[] = [];
  const parse: number[] = [];
  const decode: number[] = [];
  const rows: number[] = [];
  const live = { queries: [] as number[], timeline: [] as number[], waterfall: [] as number[] };
  const p95 = { queries: [] as number[], timeline: [] as number[], waterfall: [] as number[] };
  const late = { queries: [] as number[], timeline: [] as number[], waterfall: [] as number[] };
  const waterfall = { first: [] as number[], parse: [] as number[], rows: [] as number[] };
  const liveRun = async (page: Page, view: View) => {
    await page.evaluate((v) => (window.__bench as PanelBench).showView(v), view);
    const stream = await page.evaluate((r, s, b) => (window.__bench as PanelBench).live(r, s, b), liveEventsPerSecond, liveSeconds, perBatch);
    live[view].push(median(stream.updates));
    p95[view].push(percentile(stream.updates, 0.95));
    late[view].push(stream.lateMs);
  };

  /**
   * The first render and its floor, each the first thing a fresh panel page does with the snapshot
   * after a full collection, as in a panel just opened. In one page, whichever ran second was
   * helped by the first: a JSON.parse after the render ran 15–25% faster than before it (a young
   * generation the render had grown), while the render gained nothing from a parse before it.
   * Which page goes first alternates by repetition.
   */
  const received = async (url: string) => {
    const page = await openPage(ctx.plain, url);
    await page.evaluate((e, n) => (window.__bench as PanelBench).prepareSnapshot(e, n), entries, events);
    await heapUsed(page); // collects the garbage of building the frame, which is not the panel's
    return page;
  };
  const parseFloor = async (url: string) => {
    const page = await received(url);
    try {
      return await page.evaluate(() => (window.__bench as PanelBench).parseFloor());
    } finally {
      await page.close();
    }
  };
  const firstRender = async (url: string, rep: number, then: (page: Page) => Promise<void>) => {
    const floorFirst = rep % 2 === 1 ? await parseFloor(url) : undefined;
    const page = await received(url);
    try {
      const result = await page.evaluate(() => (window.__bench as PanelBench).firstRender());
      await then(page);
      return { ...result, parseMs: floorFirst ?? (await parseFloor(url)) };
    } finally {
      await page.close();
    }
  };

  ctx.log("panel: warm-up");
  // Not recorded: the browser's first pages (its caches, the bundle's first compile) would slow whichever measure goes first.
  await firstRender(`${ctx.urls.plain}panel.html`, 0, async () => {});
  for (let rep = 0; rep < ctx.sizes.reps; rep++) {
    const result = await firstRender(`${ctx.urls.plain}panel.html`, rep, async (page) => {
      for (const view of ["queries", "timeline"] as const) await liveRun(page, view);
    });
    first.push(result.ms);
    parse.push(result.parseMs);
    decode.push(result.decodeMs);
    rows.push(result.rows);
    ctx.log(`panel: rep ${rep + 1}/${ctx.sizes.reps}: first render ${result.ms.toFixed(0)} ms (JSON.parse ${result.parseMs.toFixed(0)} ms), live update ${live.queries.at(-1)!.toFixed(2)} / ${live.timeline.at(-1)!.toFixed(2)} ms`);
    const shown = await firstRender(`${ctx.urls.plain}panel.html?view=waterfall`, rep, (page) => liveRun(page, "waterfall"));
    waterfall.first.push(shown.ms);
    waterfall.parse.push(shown.parseMs);
    waterfall.rows.push(shown.rows);
    ctx.log(`panel: rep ${rep + 1}/${ctx.sizes.reps}: waterfall first render ${shown.ms.toFixed(0)} ms (JSON.parse ${shown.parseMs.toFixed(0)} ms), live update ${live.waterfall.at(-1)!.toFixed(2)} ms`);
  }

  const liveRow = (view: View): Row => ({
    id: `panel.live.${view}`,
    label: `Live update, ${view} view (${liveEventsPerSecond} events/s)`,
    unit: "ms",
    value: figure(live[view]),
    note: `median per update of ${perBatch} events (handling, store, render and layout); p95 ${figure(p95[view]).median.toFixed(2)} ms; stream ended ${figure(late[view]).median.toFixed(0)} ms behind schedule`,
    detail: { p95: figure(p95[view]), behindScheduleMs: figure(late[view]) },
  });
  const waterfallFirst = judge({
    id: "panel.waterfall.first-render",
    label: `Waterfall first render (${entries} entries, ${events} events)`,
    unit: "ms",
    value: figure(waterfall.first),
    floor: { label: "JSON.parse of the snapshot frame", value: figure(waterfall.parse) },
    ratio: pairedRatio(waterfall.first, waterfall.parse),
    goal: { on: "ratio", op: "<=", target: 2 },
    note: `the snapshot arriving at a panel showing the waterfall, to the next frame; ${figure(waterfall.rows).median} rows in the DOM`,
  });
  return [
    judge({
      id: "panel.first-render",
      label: `Panel first render (${entries} entries, ${events} events)`,
      unit: "ms",
      value: figure(first),
      floor: { label: "JSON.parse of the snapshot frame", value: figure(parse) },
      ratio: pairedRatio(first, parse),
      goal: { on: "ratio", op: "<=", target: 2 },
      note: `from the frame reaching the panel's wall to the next frame; decoding and validation alone (timed separately, warm) ${figure(decode).median.toFixed(0)} ms; ${figure(rows).median} rows in the DOM`,
      detail: { decodeMs: figure(decode) },
    }),
    liveRow("queries"),
    liveRow("timeline"),
    waterfallFirst,
    liveRow("waterfall"),
    judge({
      id: "panel.live.keep-up",
      label: `Live stream (${liveEventsPerSecond} events/s) behind schedule at its end, slowest view`,
      unit: "ms",
      value: figure(late.queries.map((_, rep) => Math.max(...VIEWS.map((view) => late[view][rep])))),
      goal: { on: "value", op: "<=", target: KEEP_UP_MS },
      note: VIEWS.map((view) => `${view} ${figure(late[view]).median.toFixed(0)} ms`).join(", "),
    }),
  ];
}
