/*
 * 3b. Memory after a million events. Runtime: the instrumented workload (no DevTools) revalidates
 * until its recorder saw `events` events; the JS heap after a full GC must be the same as at the
 * checkpoint (the ring buffer is full long before), and is compared with the plain build after as
 * many actions. Panel: the real panel fed the same number of events in batches.
 */
import type { Page } from "puppeteer-core";
import { heapUsed } from "../browser.ts";
import { openPage, type Context } from "../context.ts";
import type { AppBench, PanelBench } from "../pages/api.ts";
import { judge, type Row } from "../results.ts";
import { figure, pairedRatio } from "../stats.ts";

const MB = 1024 * 1024;

export async function heap(ctx: Context): Promise<Row[]> {
  const { queries, instancesPerQuery, checkpoint, events, panelBatch } = ctx.sizes.heap;
  const runtime = { atCheckpoint: [] as number[], atEnd: [] as number[], plain: [] as number[], actions: [] as number[] };
  const panel = { atCheckpoint: [] as number[], atEnd: [] as number[] };
  const app = (page: Page) => ({
    mount: () => page.evaluate((q, i) => (window.__bench as AppBench).mount({ queries: q, instancesPerQuery: i }), queries, instancesPerQuery),
    churn: (until: { events?: number; actions?: number }) => page.evaluate((u) => (window.__bench as AppBench).churn(u), until),
  });

  for (let rep = 0; rep < ctx.sizes.reps; rep++) {
    let page = await openPage(ctx.plain, ctx.urls.instrumented);
    let actions = 0;
    try {
      await app(page).mount();
      actions += (await app(page).churn({ events: checkpoint })).actions;
      runtime.atCheckpoint.push((await heapUsed(page)) / MB);
      const end = await app(page).churn({ events });
      actions += end.actions;
      runtime.atEnd.push((await heapUsed(page)) / MB);
      runtime.actions.push(actions);
    } finally {
      await page.close();
    }
    page = await openPage(ctx.plain, ctx.urls.plain);
    try {
      await app(page).mount();
      await app(page).churn({ actions });
      runtime.plain.push((await heapUsed(page)) / MB);
    } finally {
      await page.close();
    }
    page = await openPage(ctx.plain, `${ctx.urls.plain}panel.html`);
    try {
      await page.evaluate((n, b) => (window.__bench as PanelBench).feed(n, b), checkpoint, panelBatch);
      panel.atCheckpoint.push((await heapUsed(page)) / MB);
      await page.evaluate((n, b) => (window.__bench as PanelBench).feed(n, b), events - checkpoint, panelBatch);
      panel.atEnd.push((await heapUsed(page)) / MB);
    } finally {
      await page.close();
    }
    ctx.log(`heap: rep ${rep + 1}/${ctx.sizes.reps}: runtime ${runtime.atCheckpoint.at(-1)!.toFixed(1)} → ${runtime.atEnd.at(-1)!.toFixed(1)} MB (plain ${runtime.plain.at(-1)!.toFixed(1)}), panel ${panel.atCheckpoint.at(-1)!.toFixed(1)} → ${panel.atEnd.at(-1)!.toFixed(1)} MB`);
  }

  const bounded = { on: "ratio", op: "<=", target: 1.1 } as const;
  return [
    judge({
      id: "heap.runtime",
      label: `Page heap after ${events} events (instrumented)`,
      unit: "MB",
      value: figure(runtime.atEnd),
      floor: { label: `after ${checkpoint} events`, value: figure(runtime.atCheckpoint) },
      ratio: pairedRatio(runtime.atEnd, runtime.atCheckpoint),
      goal: bounded,
      note: `${figure(runtime.actions).median} actions; plain build after as many actions: ${figure(runtime.plain).median.toFixed(1)} MB (instrumented ÷ plain ${pairedRatio(runtime.atEnd, runtime.plain).median.toFixed(2)}×)`,
      detail: { plainMB: figure(runtime.plain), actions: figure(runtime.actions) },
    }),
    judge({
      id: "heap.panel",
      label: `Panel heap after ${events} events`,
      unit: "MB",
      value: figure(panel.atEnd),
      floor: { label: `after ${checkpoint} events`, value: figure(panel.atCheckpoint) },
      ratio: pairedRatio(panel.atEnd, panel.atCheckpoint),
      goal: bounded,
      note: `batches of ${panelBatch} events over the same 10,000 keys`,
    }),
  ];
}
