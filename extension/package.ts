/*
 * `npm run package` (after both builds): zips dist/extension/ and dist/firefox/ with web-ext, the
 * official packaging tool, into the files the stores take,
 *   dist/solid-query-devtools-chrome-<version>.zip and dist/solid-query-devtools-firefox-<version>.zip,
 * manifest.json at their root, hidden files left out (web-ext's defaults). Then it extracts each zip
 * into dist/<browser>-unzipped/, which the e2e tests and the bench load and `lint:firefox` lints:
 * what they check is the bytes users get, not the build folder.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import JSZip from "jszip";
import { packageFiles } from "./package-files.ts";

const root = resolve(import.meta.dirname, "..");
const webExt = resolve(root, "node_modules/.bin/web-ext");

for (const [browser, files] of Object.entries(packageFiles(root))) {
  rmSync(files.zip, { force: true });
  execFileSync(
    webExt,
    ["build", "--source-dir", files.build, "--artifacts-dir", dirname(files.zip), "--filename", files.zipName, "--overwrite-dest", "--no-config-discovery", "--no-input"],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NO_UPDATE_NOTIFIER: "1" } },
  );
  await extract(files.zip, files.unzipped);
  console.log(`${browser}: ${files.zip} (${readFileSync(files.zip).length} bytes), extracted to ${files.unzipped}`);
}

async function extract(zip: string, into: string): Promise<void> {
  rmSync(into, { recursive: true, force: true });
  const archive = await JSZip.loadAsync(readFileSync(zip));
  for (const entry of Object.values(archive.files)) {
    if (entry.dir) continue;
    const path = resolve(into, entry.name);
    // A zip names its files; it must not place them outside the folder.
    if (!path.startsWith(into + "/")) throw new Error(`${zip}: entry ${entry.name} leaves the folder`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await entry.async("uint8array"));
  }
}
