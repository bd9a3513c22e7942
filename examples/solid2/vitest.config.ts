/*
 * The router matrix's `router-2.0` project (listed in the repository's vite.config.ts): the
 * runtime suite on @solidjs/router 2.0 and solid-js 2.0. Its own config because Solid 2 needs its
 * own compiler (@solidjs/vite-plugin, this workspace's) and its own packages: every
 * bare `solid-js`, `@solidjs/web` and `@solidjs/router` here, the router's own included, resolves
 * to this folder's node_modules, never to the repository's Solid 1.9. The devtools plugin is the
 * repository's source, as in the other router projects.
 */
import { defineConfig } from "vitest/config";
import solid from "@solidjs/vite-plugin";
import { queryDevtools } from "../../runtime/vite.ts";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [solid(), queryDevtools()],
  resolve: { dedupe: ["solid-js", "@solidjs/web", "@solidjs/signals", "@solidjs/router"] },
  test: {
    name: "router-2.0",
    environment: "happy-dom",
    include: ["test/**/*.test.{ts,tsx}"],
    server: { deps: { inline: [/solid-js/, /@solidjs[\\/]/] } },
  },
});
