/*
 * One config, two jobs: `vite build` builds the unpacked extension into dist/extension/ (and
 * `vite build --mode firefox` the same code for Firefox into dist/firefox/), and vitest (mode
 * "test") runs the unit tests, the runtime suite once per supported router line.
 */
import { fileURLToPath } from "node:url";
import { crx } from "@crxjs/vite-plugin";
import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import manifest from "./manifest.json" with { type: "json" };
import pkg from "./package.json" with { type: "json" };
import { queryDevtools } from "./runtime/vite.ts";

/** Router versions the runtime is tested against, installed under npm aliases. */
const routerMatrix = { "1.0.3": "@solidjs/router", "1.0.0": "router-1-0-0", "0.16": "router-0-16", "0.15": "router-0-15" };

const testConfig = defineConfig({
  plugins: [solid(), queryDevtools()],
  test: {
    environment: "happy-dom",
    server: { deps: { inline: [/solid-js/, /@tanstack[\\/]solid-virtual/, /@solidjs[\\/](router|testing-library)/, /router-\d+-\d+/] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["bridge/**/*.test.ts", "panel/**/*.test.{ts,tsx}", "extension/**/*.test.ts", "bench/**/*.test.ts"], exclude: ["**/*.node.test.ts", "**/*.artifacts.test.ts"] },
      },
      // The checks oxlint cannot express: source scans in Node.
      { test: { name: "lint", environment: "node", include: ["extension/**/*.node.test.ts"] } },
      // What `npm run package` wrote (the zips and their extracted copies), read in Node.
      { test: { name: "package", environment: "node", include: ["extension/**/*.artifacts.test.ts"] } },
      // Builds with Vite in Node: not through the test-mode plugins.
      { test: { name: "build", environment: "node", include: ["runtime/**/*.node.test.ts"], testTimeout: 120_000 } },
      // Node-side test code: not through the Solid plugin, whose browser conditions break puppeteer.
      {
        test: { name: "e2e", environment: "node", include: ["e2e/**/*.e2e.ts"], testTimeout: 60_000, hookTimeout: 90_000 },
      },
      ...Object.entries(routerMatrix).map(([line, pkg]) => ({
        extends: true as const,
        resolve: { alias: [{ find: /^@solidjs\/router$/, replacement: pkg }] },
        // --expose-gc: the retention test checks the runtime lets the router's garbage go.
        test: { name: `router-${line}`, include: ["runtime/**/*.test.{ts,tsx}"], exclude: ["runtime/**/*.node.test.ts"], execArgv: ["--expose-gc"] },
      })),
      // Router 2.0 on solid-js 2.0: Solid 2's own compiler and packages, from the Solid 2 demo's workspace.
      "examples/solid2/vitest.config.ts",
    ],
  },
});

type Browser = "chrome" | "firefox";

/**
 * The add-on id Firefox requires of MV3 extensions (and keys storage and permissions by): a UUID,
 * generated once, the form addons.mozilla.org accepts without a domain of ours. Never change it:
 * AMO and users' profiles know the add-on by it.
 */
const GECKO_ID = "{3444ce64-b866-413f-a446-c879a881a0a5}";

/** package.json's version is the one version: manifest.json has none, both builds get this. */
function extensionVersion(): string {
  // Browsers take one to four dot-separated integers only (no "-beta.1").
  if (!/^\d+(\.\d+){0,3}$/.test(pkg.version)) throw new Error(`package.json version "${pkg.version}" is not a valid extension version`);
  return pkg.version;
}

/**
 * manifest.json is written for Chrome; Firefox takes the same one with these differences: an event
 * page (`background.scripts`) instead of a service worker, an add-on id with the data-collection
 * declaration Firefox asks of new add-ons (none), and no Chrome minimum version.
 */
function manifestFor(browser: Browser) {
  const chrome = { ...manifest, version: extensionVersion() };
  if (browser === "chrome") return chrome;
  const { minimum_chrome_version: _chromeOnly, background, ...common } = chrome;
  return {
    ...common,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: "142.0", data_collection_permissions: { required: ["none" as const] } },
    },
  };
}

/** Compiled JSX takes `template` from here, not solid-js/web: no innerHTML for the add-on linter to flag. */
const solidDom = fileURLToPath(new URL("./extension/solid-dom.ts", import.meta.url));

const extensionConfig = (browser: Browser) =>
  defineConfig({
    plugins: [solid({ solid: { moduleName: solidDom } }), crx({ manifest: manifestFor(browser), browser })],
    build: {
      outDir: browser === "firefox" ? "dist/firefox" : "dist/extension",
      emptyOutDir: true,
      rollupOptions: { input: { panel: "panel/index.html" } },
    },
  });

export default defineConfig(({ mode }) => (mode === "test" ? testConfig : extensionConfig(mode === "firefox" ? "firefox" : "chrome")));
