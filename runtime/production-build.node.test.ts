/*
 * Dev only by default: `vite build` of the demo contains no instrumentation and no in-page overlay
 * (even with `overlay: true`), and `queryDevtools({ production: true })` puts them in. Searches
 * the real bundles.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import solid from "vite-plugin-solid";
import { expect, test } from "vitest";
import { queryDevtools } from "solid-query-devtools/vite";

const demo = resolve(import.meta.dirname, "../demo");
const markers = ["__SOLID_QUERY_DEVTOOLS__", "__sqd", "solid-query-devtools", "overlayButton"];

async function bundle(production: boolean): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "sqd-build-"));
  await build({
    configFile: false,
    root: demo,
    logLevel: "silent",
    // The overlay on too: a plain production build has neither it nor the runtime.
    plugins: [solid(), queryDevtools({ production, overlay: true })],
    build: { outDir, emptyOutDir: true },
  });
  const assets = join(outDir, "assets");
  return readdirSync(assets)
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(join(assets, file), "utf8"))
    .join("\n");
}

test("a production build has no instrumentation unless asked", async () => {
  const plain = await bundle(false);
  expect(plain).toContain("projectTasks"); // the app is there
  for (const marker of markers) expect(plain).not.toContain(marker);
  const instrumented = await bundle(true);
  for (const marker of ["__SOLID_QUERY_DEVTOOLS__", "solid-query-devtools", "overlayButton"]) expect(instrumented).toContain(marker);
}, 120_000);
