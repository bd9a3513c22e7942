/*
 * Builds the npm package into dist/npm/ with tsdown (Rolldown and rolldown-plugin-dts, the
 * bundler Vite 8 itself runs on): the Vite plugin for Node (ESM and CJS, with declarations),
 * the `./runtime` entry, and the page runtime the plugin serves to the browser. `npm pack` ships
 * only this folder (package.json `files`), so nothing a user imports is TypeScript.
 * Paths are relative to this file's folder, tsdown's working directory.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defineConfig, type UserConfig } from "tsdown";
import solid from "vite-plugin-solid";

const common: UserConfig = {
  outDir: "../dist/npm",
  clean: false,
  // CJS is kept for require() users of older setups; tsdown's deprecation hint would print on every build.
  checks: { legacyCjs: false, pluginTimings: false },
  // TypeScript 7.0's declaration emitter works; tsdown only announces a newer one for 7.1.
  suppressWarnings: [/`tsgo` generator on TypeScript 7\.0 is deprecated/],
};

/** `import css from "./x.css?inline"`, as Vite reads it: the file's text as a string (the overlay puts it in its shadow root). */
const inlineCss = {
  name: "inline-css",
  resolveId: (source: string, importer: string | undefined) =>
    source.endsWith(".css?inline") && importer ? resolve(dirname(importer), source) : undefined,
  load: (id: string) => (id.endsWith(".css?inline") ? `export default ${JSON.stringify(readFileSync(id.slice(0, -"?inline".length), "utf8"))};` : undefined),
};

export default defineConfig([
  {
    ...common,
    // Loaded by the user's vite.config on Node: only Node built-ins and vite's types are imported.
    entry: { vite: "vite.ts" },
    platform: "node",
    format: ["esm", "cjs"],
    fixedExtension: false, // vite.js and vite.cjs, as package.json's exports name them
    shims: true, // import.meta.url in the CJS build: the plugin finds the page runtime beside itself
    dts: true,
    clean: true,
  },
  {
    ...common,
    // `./runtime`: typed access to the page hook, for any JavaScript environment.
    entry: { runtime: "index.ts" },
    platform: "neutral",
    format: ["esm", "cjs"],
    // It reads one constant of devtools-hook.ts: the protocol's schemas that module builds are left out.
    treeshake: { moduleSideEffects: false },
    dts: true,
  },
  {
    ...common,
    // The page runtime, served to the browser as one virtual module: valibot is bundled so the page
    // imports nothing that Vite's dependency optimizer would discover late (a reload of the app).
    entry: { install: "install.ts" },
    platform: "browser",
    target: "es2022",
    format: "esm",
    dts: false,
    deps: { alwaysBundle: ["valibot"], onlyBundle: ["valibot"] },
  },
  {
    ...common,
    // `./overlay`: the in-page panel. overlay.js is the button the app loads; the panel is a chunk
    // it imports on the first open, with everything it runs bundled in, solid-js too: its own Solid
    // instance, apart from the app's reactive graph and whatever solid-js version the app has. JSX
    // is compiled without event delegation (see panel/overlay/panel-mount.tsx).
    entry: { overlay: "../panel/overlay/index.ts" },
    platform: "browser",
    target: "es2022",
    format: "esm",
    dts: true,
    minify: true,
    plugins: [inlineCss, solid({ solid: { delegateEvents: false } })],
    deps: { alwaysBundle: [/.*/] },
    outputOptions: { chunkFileNames: "overlay-[name].js" },
  },
]);
