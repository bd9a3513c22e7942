// A user's vite.config: Solid plus the one line the README shows.
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { queryDevtools } from "solid-query-devtools/vite";

export default defineConfig({ plugins: [solid(), queryDevtools()] });
