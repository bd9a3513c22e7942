/*
 * Serves the demo app with the devtools runtime installed, exactly as a user's app would add it,
 * and prints where the built extension is to be loaded from.
 */
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { queryDevtools } from "solid-query-devtools/vite";

const extensionDir = resolve(import.meta.dirname, "../dist/extension");

const printExtensionPath = (): Plugin => ({
  name: "print-extension-path",
  configureServer(server) {
    server.httpServer?.once("listening", () => {
      setTimeout(() => {
        server.config.logger.info(
          `\n  Extension: load unpacked from ${extensionDir}\n  (chrome://extensions → Developer mode → Load unpacked), then open the demo and DevTools → "Solid Queries".\n`,
        );
      }, 0);
    });
  },
});

export default defineConfig({
  root: import.meta.dirname,
  plugins: [solid(), queryDevtools(), printExtensionPath()],
  server: { port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { outDir: resolve(import.meta.dirname, "../dist/demo"), emptyOutDir: true },
});
