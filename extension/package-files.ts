/*
 * Where `npm run package` finds each browser's build and puts its zip and the zip's extracted copy,
 * named after package.json's name and version. Shared by the packaging script, its test and the
 * e2e harness, so all three agree on the paths.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export type Browser = "chrome" | "firefox";

export interface PackageFiles {
  /** The build `vite build` (or `--mode firefox`) writes. */
  build: string;
  zipName: string;
  zip: string;
  /** The zip's contents, extracted. */
  unzipped: string;
}

export function packageFiles(root: string): Record<Browser, PackageFiles> {
  const { name, version } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { name: string; version: string };
  const files = (browser: Browser, build: string): PackageFiles => {
    const zipName = `${name}-${browser}-${version}.zip`;
    return { build: resolve(root, build), zipName, zip: resolve(root, "dist", zipName), unzipped: resolve(root, "dist", `${browser}-unzipped`) };
  };
  return { chrome: files("chrome", "dist/extension"), firefox: files("firefox", "dist/firefox") };
}
