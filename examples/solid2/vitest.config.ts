/*
 * The router matrix's `router-2.0-next` project (listed in the repository's vite.config.ts): the
 * runtime suite on @solidjs/router 2.0.0-next.44 and solid-js 2.0 RC. Its own config because
 * Solid 2 needs its own compiler (vite-plugin-solid 3, this workspace's) and its own packages: every
 * bare `solid-js`, `@solidjs/web` and `@solidjs/router` here, the router's own included, resolves
 * to this folder's node_modules, never to the repository's Solid 1.9. The devtools plugin is the
 * repository's source, as in the other router projects.
 */
import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import { queryDevtools } from "../../runtime/vite.ts";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [solid(), queryDevtools()],
  resolve: { dedupe: ["solid-js", "@solidjs/web", "@solidjs/signals", "@solidjs/router"] },
  test: {
    name: "router-2.0-next",
    environment: "happy-dom",
    include: ["test/**/*.test.{ts,tsx}"],
    server: { deps: { inline: [/solid-js/, /@solidjs[\\/]/] } },
  },
});
