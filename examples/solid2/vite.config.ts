/*
 * The Solid 2 demo's dev server: Solid 2's Vite plugin (@solidjs/vite-plugin) and the devtools
 * plugin, imported by name from the built package as a user's app does (`npm run build:package`
 * in the repository first; the workspace links it). Solid 2 and router 2.0 come from this
 * folder's node_modules; the repository's own Solid 1.9 is never reached from here.
 */
import { defineConfig } from "vite";
import solid from "@solidjs/vite-plugin";
import { queryDevtools } from "solid-query-devtools/vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [solid(), queryDevtools()],
  server: { port: Number(process.env.PORT ?? 5174), strictPort: true },
});
