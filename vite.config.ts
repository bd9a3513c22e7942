/*
 * One config, two jobs: `vite build` builds the unpacked extension into dist/extension/, and
 * vitest (mode "test") runs the unit tests, the runtime suite once per supported router line.
 */
import { crx } from "@crxjs/vite-plugin";
import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import manifest from "./manifest.json" with { type: "json" };
import { queryDevtools } from "./runtime/vite.ts";

/** Router versions the runtime is tested against, installed under npm aliases. */
const routerMatrix = { "1.0": "@solidjs/router", "0.16": "router-0-16", "0.15": "router-0-15" };

const testConfig = defineConfig({
  plugins: [solid(), queryDevtools()],
  test: {
    environment: "happy-dom",
    server: { deps: { inline: [/solid-js/, /@tanstack[\\/]solid-virtual/, /@solidjs[\\/](router|testing-library)/, /router-0-1\d/] } },
    projects: [
      { extends: true, test: { name: "unit", include: ["bridge/**/*.test.ts", "panel/**/*.test.{ts,tsx}"] } },
      // Builds with Vite in Node: not through the test-mode plugins.
      { test: { name: "build", environment: "node", include: ["runtime/**/*.node.test.ts"], testTimeout: 120_000 } },
      // Node-side test code: not through the Solid plugin, whose browser conditions break puppeteer.
      {
        test: { name: "e2e", environment: "node", include: ["e2e/**/*.e2e.ts"], testTimeout: 60_000, hookTimeout: 90_000 },
      },
      ...Object.entries(routerMatrix).map(([line, pkg]) => ({
        extends: true as const,
        resolve: { alias: [{ find: /^@solidjs\/router$/, replacement: pkg }] },
        test: { name: `router-${line}`, include: ["runtime/**/*.test.{ts,tsx}"], exclude: ["runtime/**/*.node.test.ts"] },
      })),
    ],
  },
});

const extensionConfig = defineConfig({
  plugins: [solid(), crx({ manifest })],
  build: {
    outDir: "dist/extension",
    emptyOutDir: true,
    rollupOptions: { input: { panel: "panel/index.html" } },
  },
});

export default defineConfig(({ mode }) => (mode === "test" ? testConfig : extensionConfig));
