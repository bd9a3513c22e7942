/*
 * A SolidStart 2 app with the query devtools: adding `queryDevtools()` is all it takes. The import
 * is the package's, as in any app: `npm run dev` links node_modules/solid-query-devtools to the
 * repository, whose package.json exports only the built package (`npm run build:package` first).
 * Run from this folder (SolidStart finds the app from the working directory).
 */
import { solidStart } from "@solidjs/start/config";
import { defineConfig } from "vite";
import { queryDevtools } from "solid-query-devtools/vite";

export default defineConfig({
  plugins: [solidStart(), queryDevtools()],
});
