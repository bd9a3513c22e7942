/*
 * What `npm pack` ships: only the built package (dist/npm), README, LICENSE, CHANGELOG and
 * package.json, every `exports` target among them and none of them TypeScript source, within the
 * size budget the README states. Reads npm's own dry-run listing of the real tarball.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..");
/** The budget the README states: packed and unpacked bytes. */
const BUDGET = { packed: 125_000, unpacked: 440_000 };

interface PackListing {
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

const listing = (): PackListing =>
  (JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" })) as PackListing[])[0];

/** Every file an `exports` condition points at. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports.replace(/^\.\//, "")];
  return Object.values(exports as Record<string, unknown>).flatMap(exportTargets);
}

test("the tarball holds only what users run, within its size budget", () => {
  const pack = listing();
  const files = pack.files.map((file) => file.path).sort();
  expect(files).toEqual([
    "CHANGELOG.md",
    "LICENSE",
    "README.md",
    "dist/npm/install.js",
    "dist/npm/overlay-layout.js",
    "dist/npm/overlay-panel-mount.js",
    "dist/npm/overlay.d.ts",
    "dist/npm/overlay.js",
    "dist/npm/runtime.cjs",
    "dist/npm/runtime.d.cts",
    "dist/npm/runtime.d.ts",
    "dist/npm/runtime.js",
    "dist/npm/vite.cjs",
    "dist/npm/vite.d.cts",
    "dist/npm/vite.d.ts",
    "dist/npm/vite.js",
    "package.json",
  ]);
  expect(pack.size).toBeLessThanOrEqual(BUDGET.packed);
  expect(pack.unpackedSize).toBeLessThanOrEqual(BUDGET.unpacked);

  const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { exports: unknown; private?: boolean };
  expect(pkg.private).toBeUndefined();
  const targets = exportTargets(pkg.exports);
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) {
    expect(files).toContain(target);
    expect(target).toMatch(/\.(js|cjs|d\.ts|d\.cts|json)$/);
  }
});
