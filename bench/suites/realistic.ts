/*
 * 2. The realistic app: the demo app used like a person would (pages/realistic: pages visited by
 * their nav links, forms submitted). Without DevTools, three builds run back to back in rotating
 * order: plain, a second plain build, and instrumented. The second plain build gives the run's A/A
 * band: the 95% interval of the median ratio of two builds of the same code, what this run cannot
 * tell from nothing. The instrumented build passes when its median ratio to plain lies inside that
 * band. Then plain and instrumented with DevTools open on the real panel, as in the overhead
 * suite. Figure: the page main thread's CPU time over the session (the app's mount, every step
 * and what it set off); each step's time from its click until its result showed, which the demo
 * API's latency dominates, is in the notes.
 */
import type { Page } from "puppeteer-core";
import { openConnected, sleep, withCpuTime } from "../browser.ts";
import type { Variant } from "../build.ts";
import { openPage, type Context } from "../context.ts";
import type { RealisticBench, RealisticSize } from "../pages/api.ts";
import { judge, type Row } from "../results.ts";
import { orderOf } from "../rotation.ts";
import { figure, median, pairedRatio, type Figure } from "../stats.ts";

const disconnectedBuilds = ["plain", "plain-copy", "instrumented"] as const satisfies Variant[];
const connectedBuilds = ["plain", "instrumented"] as const satisfies Variant[];
type Setup = (typeof disconnectedBuilds)[number] | `${(typeof connectedBuilds)[number]}+panel`;
interface Sample {
  threadMs: number;
  wallMs: number;
  stepMs: number;
  fetches: number;
}

/** Sessions of each build per repetition: 21 triplets in a full run narrow the A/A interval to about ±3 points. */
const DISCONNECTED_PER_REP = 3;
/** With DevTools open a session costs twice as much, and the goal (≤ 1.15×) is wider. */
const CONNECTED_PER_REP = 2;

export async function realistic(ctx: Context): Promise<Row[]> {
  const { realistic: size, reps } = ctx.sizes;
  const samples: Record<Setup, Sample[]> = { plain: [], "plain-copy": [], instrumented: [], "plain+panel": [], "instrumented+panel": [] };

  async function measure(page: Page, sessionSize: RealisticSize): Promise<Sample> {
    const { result, threadMs } = await withCpuTime(page, () => page.evaluate((s) => (window.__bench as RealisticBench).session(s), sessionSize));
    return { threadMs, wallMs: result.totalMs, stepMs: median(result.stepMs), fetches: result.fetches };
  }
  const url = (build: Variant) => `${ctx.urls[build]}realistic/`;

  async function disconnected(build: Variant, sessionSize = size): Promise<Sample> {
    const page = await openPage(ctx.plain, url(build));
    try {
      return await measure(page, sessionSize);
    } finally {
      await page.close();
      await sleep(300);
    }
  }

  async function connected(build: Variant, sessionSize = size): Promise<Sample> {
    const { page } = await openConnected(ctx.devtools, url(build), build === "instrumented");
    try {
      return await measure(page, sessionSize);
    } finally {
      await page.close();
      await sleep(300);
    }
  }

  ctx.log("realistic: warm-up");
  const warmUp = { ...size, rounds: 1 };
  for (const build of disconnectedBuilds) await disconnected(build, warmUp);
  for (const build of connectedBuilds) await connected(build, warmUp);
  for (let rep = 0; rep < reps; rep++) {
    for (let turn = 0; turn < DISCONNECTED_PER_REP; turn++) {
      for (const build of orderOf(disconnectedBuilds, rep, turn)) samples[build].push(await disconnected(build));
    }
    for (let turn = 0; turn < CONNECTED_PER_REP; turn++) {
      for (const build of orderOf(connectedBuilds, rep, turn)) samples[`${build}+panel`].push(await connected(build));
    }
    const last = (setup: Setup) => `${setup} ${samples[setup].at(-1)!.threadMs.toFixed(0)}/${samples[setup].at(-1)!.wallMs.toFixed(0)}`;
    ctx.log(`realistic: rep ${rep + 1}/${reps} (CPU/wall ms): ${(Object.keys(samples) as Setup[]).map(last).join(", ")}`);
  }

  const of = (setup: Setup, key: keyof Sample) => samples[setup].map((sample) => sample[key]);
  const cpu = (setup: Setup) => figure(of(setup, "threadMs"));
  const cpuRatio = (subject: Setup, floor: Setup) => pairedRatio(of(subject, "threadMs"), of(floor, "threadMs"));
  const perSetup = (key: keyof Sample) => Object.fromEntries((Object.keys(samples) as Setup[]).map((setup) => [setup, figure(of(setup, key))]));
  const interval = (ratio: Figure) => `95% CI ${ratio.medianCi.map((r) => r.toFixed(3)).join("–")}×`;
  /** What the instrumented page did against the plain one: a step's time as a person waits for it, and the API calls it made. */
  const work = (subject: Setup, floor: Setup) =>
    `median step from click to result ${figure(of(subject, "stepMs")).median.toFixed(0)} ms (plain ${figure(of(floor, "stepMs")).median.toFixed(0)} ms); ` +
    `API calls per session ${figure(of(subject, "fetches")).median} (plain ${figure(of(floor, "fetches")).median})`;
  const aa = cpuRatio("plain-copy", "plain");
  const disconnectedRatio = cpuRatio("instrumented", "plain");
  const connectedRatio = cpuRatio("instrumented+panel", "plain+panel");
  const script = `the demo app: ${size.rounds} rounds of 5 pages and 3 form submissions, a ${size.pauseMs} ms pause before each step, API latency ${size.latencyMs} ms`;
  return [
    {
      id: "realistic.aa",
      label: "Realistic app, no DevTools, A/A: a second plain build, main-thread CPU",
      unit: "ms",
      value: cpu("plain-copy"),
      floor: { label: "plain build", value: cpu("plain") },
      ratio: aa,
      note: `${script}; the same code built twice, the run's noise: ${interval(aa)}, the band the row below must lie in`,
    },
    judge({
      id: "realistic.disconnected",
      label: "Realistic app, no DevTools, main-thread CPU",
      unit: "ms",
      value: cpu("instrumented"),
      floor: { label: "plain build", value: cpu("plain") },
      ratio: disconnectedRatio,
      goal: { on: "ratio", op: "within", band: aa.medianCi, bandLabel: "the A/A interval" },
      note: `${interval(disconnectedRatio)}; ${work("instrumented", "plain")}`,
      detail: { wallMs: perSetup("wallMs"), stepMs: perSetup("stepMs"), fetches: perSetup("fetches") },
    }),
    judge({
      id: "realistic.connected",
      label: "Realistic app, panel connected, main-thread CPU",
      unit: "ms",
      value: cpu("instrumented+panel"),
      floor: { label: "plain, DevTools open", value: cpu("plain+panel") },
      ratio: connectedRatio,
      goal: { on: "ratio", op: "<=", target: 1.15 },
      note: `${interval(connectedRatio)}; ${work("instrumented+panel", "plain+panel")}`,
    }),
  ];
}
