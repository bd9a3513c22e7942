/*
 * 2. Bridge throughput: events per second from the page's agent, through the content script and
 * service worker of the real extension, until the real panel has handled them (timed by a tap in
 * the panel frame), against the same batch payloads posted raw with window.postMessage to a
 * plain listener in the page. Every event the panel did not get is counted as lost.
 */
import { until } from "../../e2e/harness.ts";
import { openTappedPanel, readTap, sleep, type PanelTap } from "../browser.ts";
import type { Context } from "../context.ts";
import type { BridgeBench } from "../pages/api.ts";
import { judge, type Row } from "../results.ts";
import { figure, pairedRatio } from "../stats.ts";

export async function bridge(ctx: Context): Promise<Row[]> {
  const { events, chunk } = ctx.sizes.bridge;
  const { page, panel } = await openTappedPanel(ctx.devtools, `${ctx.urls.plain}bridge.html`);
  const raw: number[] = [];
  const extension: number[] = [];
  const lost: number[] = [];
  const dropped: number[] = [];
  try {
    await until("the bridge page's agent to connect", () => page.evaluate(() => (window.__bench as BridgeBench).connected()), 20_000);

    async function throughExtension(count: number) {
      const before = await readTap(panel);
      const sent = await page.evaluate((n, c) => (window.__bench as BridgeBench).stream(n, c), count, chunk);
      let tap: PanelTap = await readTap(panel);
      const deadline = Date.now() + 120_000;
      while (tap.events + tap.dropped - before.events - before.dropped < sent.sentEvents && Date.now() < deadline) {
        await sleep(100);
        tap = await readTap(panel);
      }
      const received = tap.events - before.events;
      const droppedNow = tap.dropped - before.dropped;
      return { rate: (received * 1000) / (tap.lastAt - sent.firstSentAt), lost: sent.sentEvents - received - droppedNow, dropped: droppedNow };
    }
    const rawRate = async (count: number) => {
      const result = await page.evaluate((n, c) => (window.__bench as BridgeBench).raw(n, c), count, chunk);
      return (result.receivedEvents * 1000) / result.ms;
    };

    ctx.log("bridge: warm-up");
    await rawRate(Math.min(events, 10_000));
    await throughExtension(Math.min(events, 10_000));
    for (let rep = 0; rep < ctx.sizes.reps; rep++) {
      // Alternate which goes first, and let the panel settle in between.
      const first = rep % 2 === 0;
      if (first) raw.push(await rawRate(events));
      const result = await throughExtension(events);
      extension.push(result.rate);
      lost.push(result.lost);
      dropped.push(result.dropped);
      if (!first) raw.push(await rawRate(events));
      await sleep(500);
      ctx.log(`bridge: rep ${rep + 1}/${ctx.sizes.reps}: extension ${result.rate.toFixed(0)} events/s, raw ${raw.at(-1)!.toFixed(0)} events/s`);
    }
  } finally {
    await page.close();
  }
  return [
    judge({
      id: "bridge.throughput",
      label: "Bridge page → panel (real extension)",
      unit: "events/s",
      value: figure(extension),
      floor: { label: "raw window.postMessage", value: figure(raw) },
      ratio: pairedRatio(extension, raw),
      goal: { on: "ratio", op: ">=", target: 1.5 },
      note: `${events} events per repetition in batches of ${chunk}, each with the entries it touches; envelopes checked in the content script and service worker, bodies decoded and validated in the panel`,
    }),
    judge({
      id: "bridge.lost",
      label: "Bridge events lost",
      unit: "events",
      value: figure(lost),
      goal: { on: "value", op: "==", target: 0 },
      note: `besides these, ${dropped.reduce((a, b) => a + b, 0)} were reported dropped by the agent (counted, shown in the panel)`,
    }),
  ];
}
