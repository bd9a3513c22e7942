/*
 * A SolidStart 2 app with the query devtools: adding `queryDevtools()` is all it takes. In a
 * real app the import is "solid-query-devtools/vite"; here it is the repository's own source.
 * Run from this folder (SolidStart finds the app from the working directory): `npm run dev`.
 */
import { solidStart } from "@solidjs/start/config";
import { defineConfig } from "vite";
import { queryDevtools } from "../../runtime/vite.ts";

export default defineConfig({
  plugins: [solidStart(), queryDevtools()],
});
