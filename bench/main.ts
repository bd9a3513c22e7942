/*
 * The bench: builds the pages plain (twice), instrumented, and instrumented with the in-page overlay,
 * serves them, launches Chromium twice (with and without DevTools), runs each suite, prints the
 * table and writes the results. `--tiny` runs everything at a token size and fails only if the
 * results are malformed; `--only a,b` picks suites.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { launch } from "./browser.ts";
import { VARIANTS, buildDir, buildVariant, serve, type Variant } from "./build.ts";
import type { Context } from "./context.ts";
import { checkResults, type Results, type Row } from "./results.ts";
import { FULL, TINY } from "./sizes.ts";
import { bridge } from "./suites/bridge.ts";
import { heap } from "./suites/heap.ts";
import { overhead } from "./suites/overhead.ts";
import { panel } from "./suites/panel.ts";
import { realistic } from "./suites/realistic.ts";
import { serializer } from "./suites/serializer.ts";
import { formatTable } from "./table.ts";

const suites: Record<string, (ctx: Context) => Promise<Row[]>> = { overhead, realistic, bridge, panel, heap, serializer };

export async function main(argv: string[]): Promise<number> {
  const tiny = argv.includes("--tiny");
  const only = argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length).split(",");
  const repsArg = argv.find((arg) => arg.startsWith("--reps="));
  const sizes = { ...(tiny ? TINY : FULL), ...(repsArg ? { reps: Number(repsArg.slice("--reps=".length)) } : {}) };
  const out = resolve(import.meta.dirname, tiny ? "../dist/bench/results.tiny.json" : only ? "../dist/bench/results.partial.json" : "results.json");
  const log = (message: string) => console.log(`[bench] ${message}`);
  const started = Date.now();
  const loadStart = loadavg();

  log(`building (${tiny ? "tiny" : "full"} run)`);
  for (const variant of VARIANTS) await buildVariant(variant);
  const servers = await Promise.all(VARIANTS.map(serve));
  const browsers = { plain: await launch(false), devtools: await launch(true) };
  const rows: Row[] = [];
  try {
    const urls = Object.fromEntries(VARIANTS.map((variant, i) => [variant, servers[i].url])) as Record<Variant, string>;
    const ctx: Context = { sizes, urls, ...browsers, log };
    for (const [name, suite] of Object.entries(suites)) if (!only || only.includes(name)) rows.push(...(await suite(ctx)));
    const results: Results = {
      mode: tiny ? "tiny" : "full",
      startedAt: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", node: process.version, chromium: await browsers.plain.version(), loadAverage: { start: loadStart, end: loadavg() } },
      sizes,
      rows,
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
    console.log(`\n${formatTable(results)}\n\nwritten to ${out}`);
    const problems = only ? [] : checkResults(results);
    if (problems.length) console.error(`malformed results:\n  ${problems.join("\n  ")}`);
    return problems.length ? 1 : 0;
  } finally {
    await browsers.plain.close();
    await browsers.devtools.close();
    for (const server of servers) await server.close();
    rmSync(buildDir, { recursive: true, force: true });
  }
}
