/*
 * What `npm run package` hands the stores (run it first; `npm test` does): for each browser a zip
 * named with package.json's version, manifest.json at its root with that version, PNG icons of the
 * four sizes, every file the manifest and the pages name present, nothing dev-only, and the same
 * bytes extracted where the e2e tests and `lint:firefox` read them. Firefox's add-on id is a real one.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, test } from "vitest";
import { packageFiles, type Browser } from "./package-files.ts";

const root = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { name: string; version: string };
const files = packageFiles(root);

interface Manifest {
  version: string;
  icons: Record<string, string>;
  devtools_page: string;
  background: { service_worker?: string; scripts?: string[] };
  content_scripts: { js: string[] }[];
  browser_specific_settings?: { gecko: { id: string; data_collection_permissions: { required: string[] } } };
}

interface Package {
  /** Every file's bytes by its path in the zip (folders left out). */
  entries: Map<string, Uint8Array>;
  manifest: Manifest;
}

async function readZip(zip: string): Promise<Package> {
  if (!existsSync(zip)) throw new Error(`no ${zip}: run "npm run package" first`);
  const archive = await JSZip.loadAsync(readFileSync(zip));
  const entries = new Map<string, Uint8Array>();
  for (const entry of Object.values(archive.files)) if (!entry.dir) entries.set(entry.name, await entry.async("uint8array"));
  const manifest = entries.get("manifest.json");
  if (!manifest) throw new Error(`${zip} has no manifest.json at its root`);
  return { entries, manifest: JSON.parse(new TextDecoder().decode(manifest)) as Manifest };
}

/** A PNG's width and height (its IHDR chunk), or undefined for anything that is no PNG. */
function pngSize(bytes: Uint8Array): [number, number] | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe.each(["chrome", "firefox"] as const)("the %s package", (browser: Browser) => {
  let zip: Package;
  beforeAll(async () => {
    zip = await readZip(files[browser].zip);
  });

  test("is named with package.json's version, which its manifest carries", () => {
    expect(files[browser].zip).toBe(resolve(root, "dist", `solid-query-devtools-${browser}-${pkg.version}.zip`));
    expect(zip.manifest.version).toBe(pkg.version);
  });

  test("has PNG icons of 16, 32, 48 and 128 pixels", () => {
    expect(Object.keys(zip.manifest.icons).map(Number).sort((a, b) => a - b)).toEqual([16, 32, 48, 128]);
    for (const [size, path] of Object.entries(zip.manifest.icons)) {
      const bytes = zip.entries.get(path);
      expect(bytes, path).toBeDefined();
      expect(pngSize(bytes!), path).toEqual([Number(size), Number(size)]);
    }
  });

  test("contains every file its manifest, its pages and the DevTools panel name", () => {
    const { background, content_scripts, devtools_page } = zip.manifest;
    const named = [...(background.scripts ?? [background.service_worker!]), ...content_scripts.flatMap((script) => script.js), devtools_page];
    // Pages name their scripts, styles and favicon by absolute or relative URLs.
    for (const page of [devtools_page, "panel/index.html"]) {
      const html = text(zip.entries.get(page) ?? new Uint8Array());
      expect(html, page).not.toBe("");
      for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) named.push(new URL(url, `chrome-extension://id/${page}`).pathname.slice(1));
    }
    expect(text(zip.entries.get("panel/index.html")!)).toMatch(/<link rel="icon"[^>]* href="[^"]+\.svg"/);
    const panelIcon = [...zip.entries].flatMap(([path, bytes]) =>
      path.endsWith(".js") ? [...text(bytes).matchAll(/panels\.create\(\s*[`"']Solid Queries[`"']\s*,\s*[`"']\/([^`"']+)[`"']/g)].map((m) => m[1]) : [],
    );
    expect(panelIcon).toEqual(["extension/icons/icon-32.png"]);
    named.push(...panelIcon);
    for (const path of named) expect(zip.entries.has(path), path).toBe(true);
  });

  test("holds only what the browser runs: no hidden folders (.vite/), sources, tests or source maps", () => {
    const paths = [...zip.entries.keys()];
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      expect(path, path).toMatch(/\.(json|js|html|css|png|svg)$/);
      expect(path, path).not.toMatch(/(^|\/)\./);
      expect(path, path).not.toMatch(/\.(test|spec|e2e)\.|(^|\/)(node_modules|e2e|bench|demo)\//);
    }
    for (const path of paths.filter((p) => p.endsWith(".js"))) expect(text(zip.entries.get(path)!), path).not.toContain("sourceMappingURL");
  });

  test(`is what dist/${browser}-unzipped holds, byte for byte (what the e2e tests load and lint:firefox lints)`, () => {
    const dir = files[browser].unzipped;
    expect(filesUnder(dir).sort()).toEqual([...zip.entries.keys()].sort());
    for (const [path, bytes] of zip.entries) expect(Buffer.compare(readFileSync(join(dir, path)), bytes), path).toBe(0);
  });
});

test("manifest.json has no version of its own: package.json's is the only one", () => {
  expect(JSON.parse(readFileSync(resolve(root, "manifest.json"), "utf8"))).not.toHaveProperty("version");
});

test("Firefox gets a UUID add-on id and declares no data collection; Chrome gets no Firefox settings", async () => {
  const firefox = (await readZip(files.firefox.zip)).manifest;
  const gecko = firefox.browser_specific_settings!.gecko;
  expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
  expect(gecko.id).not.toBe("{00000000-0000-0000-0000-000000000000}");
  expect(gecko.data_collection_permissions.required).toEqual(["none"]);
  expect(firefox.background.scripts).toHaveLength(1);
  const chrome = (await readZip(files.chrome.zip)).manifest;
  expect(chrome.browser_specific_settings).toBeUndefined();
  expect(chrome.background.service_worker).toBeDefined();
});
