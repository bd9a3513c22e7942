/*
 * Builds the bench pages with Vite — plain, a second plain copy (the A/A floor: the same code as a
 * separate bundle on its own origin, so nothing compiled or cached is shared with the first), and
 * with queryDevtools({ production: true }), alone and with the overlay — and serves each with
 * `vite preview`. Production builds on every side: the same minified Solid and router code, so the
 * only difference between them is the instrumentation.
 */
import { resolve } from "node:path";
import { build, preview, type PreviewServer } from "vite";
import solid from "vite-plugin-solid";
import { queryDevtools } from "solid-query-devtools/vite";

export type Variant = "plain" | "plain-copy" | "instrumented" | "overlay";
export const VARIANTS: Variant[] = ["plain", "plain-copy", "instrumented", "overlay"];

/** The plugin as each variant adds it: none, the runtime alone, the runtime with the in-page overlay's button (closed). */
const devtoolsPlugins = (variant: Variant) =>
  variant === "plain" || variant === "plain-copy" ? [] : [queryDevtools({ production: true, ...(variant === "overlay" ? { overlay: true } : {}) })];

const pages = resolve(import.meta.dirname, "pages");
/** Per process, so a bench started while another runs (say, `npm test`'s tiny one) cannot overwrite its pages. */
export const buildDir = resolve(import.meta.dirname, "../dist/bench", `pages-${process.pid}`);
const outDir = (variant: Variant) => resolve(buildDir, variant);
const inputs = ["index", "realistic/index", "bridge", "panel", "serializer"];

export async function buildVariant(variant: Variant): Promise<void> {
  // The module runner that loaded the bench set NODE_ENV=development, which would resolve Solid's dev build.
  process.env.NODE_ENV = "production";
  await build({
    configFile: false,
    root: pages,
    logLevel: "warn",
    plugins: [solid(), ...devtoolsPlugins(variant)],
    build: {
      outDir: outDir(variant),
      emptyOutDir: true,
      rolldownOptions: {
        input: Object.fromEntries(inputs.map((name) => [name, resolve(pages, `${name}.html`)])),
        // A loaded machine makes the Solid transform slow enough to trigger a timing report.
        checks: { bundlerTimings: false },
      },
    },
  });
}

/** Serves a built variant on a free port; resolves to its base URL (http, so the content script runs there). */
export async function serve(variant: Variant): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: false,
    root: pages,
    logLevel: "warn",
    build: { outDir: outDir(variant) },
    preview: { port: 0, host: "127.0.0.1" },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === "string") throw new Error("preview server has no port");
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
