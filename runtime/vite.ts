/*
 * The Vite plugin users add: `plugins: [solid(), queryDevtools()]`. In `vite serve` (or any
 * build with `{ production: true }`) it patches @solidjs/router's own cache, action and link-event modules
 * in the browser bundle so they report to the runtime. Server (SSR) modules are never touched,
 * and a plain production build contains no instrumentation at all. A setup it cannot work with
 * (no router, an unsupported one, the plugin listed twice) gets one clear warning in the
 * terminal and leaves the app as it is.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin, ResolvedConfig } from "vite";
import type { OverlayOptions } from "../panel/overlay/options.ts";
import { transformSourceSites } from "./source-sites-transform.ts";
import { PATCHED_MARK, ROUTER_MODULES, RUNTIME_ID, SUPPORTED_LINES, SUPPORTED_ROUTER, patchRouterModule, unsupportedRouterHeader, type RouterModule } from "./router-patches.ts";

export interface QueryDevtoolsOptions {
  /** Instrument production builds too. Default false: `vite build` output stays untouched. */
  production?: boolean;
  /** Events kept in the page for a panel opened late. Default 10,000. */
  bufferSize?: number;
  /**
   * Also show the panel inside the page: a small button that opens it docked at the bottom or the
   * right (`true`, or the overlay's options). Default false. Only where the plugin applies (dev,
   * or a build with `production: true`).
   */
  overlay?: boolean | OverlayOptions;
}

export type { OverlayOptions } from "../panel/overlay/options.ts";

const PLUGIN_NAME = "solid-query-devtools";
const ROUTER_MODULE = /^(.*)[\\/]dist[\\/]data[\\/](query|action|events)\.js$/;

// Published (dist/npm/vite.js), the page runtime is install.js beside this file, self-contained and served
// as a virtual module, so no file-system serving rule applies to it; run from source (this repository's
// tests), it is install.ts, which Vite transforms like any source file.
const here = fileURLToPath(import.meta.url);
const fromSource = here.endsWith(".ts");
const runtimeFile = join(dirname(here), fromSource ? "install.ts" : "install.js");
const RESOLVED_RUNTIME_ID = `\0${RUNTIME_ID}`;
// The overlay's button module (published: overlay.js, which loads its panel chunk beside it) and the
// virtual module that mounts it, imported by the instrumented router: it loads with the router in
// any app (SolidStart has no index.html to add a script to).
const overlayFile = fromSource ? join(dirname(here), "..", "panel", "overlay", "index.ts") : join(dirname(here), "overlay.js");
const OVERLAY_ID = "virtual:solid-query-devtools/overlay";
const RESOLVED_OVERLAY_ID = `\0${OVERLAY_ID}`;

/** Configs whose setup was checked: one check (and warning) however many copies of the plugin are listed. */
const checkedSetups = new WeakSet<ResolvedConfig>();

export function queryDevtools(options: QueryDevtoolsOptions = {}): Plugin {
  const runtimeOptions = { bufferSize: options.bufferSize ?? 10_000 };
  const overlay = options.overlay === true ? {} : options.overlay || undefined;
  const overlayImport = overlay ? `import ${JSON.stringify(OVERLAY_ID)};\n` : "";
  const versions = new Map<string, string | undefined>();
  const warned = new Set<string>();
  const mismatches = new Map<string, string | undefined>();
  let config: ResolvedConfig | undefined;
  // Source-site ids are unique in this dev server; the random start keeps a page's modules cached
  // from an earlier server from sharing ids with this one's.
  let nextSite = Math.floor(Math.random() * 2 ** 20) * 2 ** 20;

  function routerVersion(packageRoot: string): string | undefined {
    if (!versions.has(packageRoot)) {
      try {
        const pkg = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8"));
        versions.set(packageRoot, pkg.name === "@solidjs/router" ? String(pkg.version) : undefined);
      } catch {
        versions.set(packageRoot, undefined);
      }
    }
    return versions.get(packageRoot);
  }

  /** Why a router package cannot be patched, if so: all its files are checked, so it is never half-patched. */
  function mismatch(packageRoot: string, version: string): string | undefined {
    if (!mismatches.has(packageRoot)) {
      let problem: string | undefined;
      for (const module of ROUTER_MODULES) {
        try {
          patchRouterModule(module, readFileSync(join(packageRoot, "dist", "data", `${module}.js`), "utf8"), version, runtimeOptions);
        } catch (error) {
          problem ??= (error as Error).message;
        }
      }
      mismatches.set(packageRoot, problem);
    }
    return mismatches.get(packageRoot);
  }

  return {
    name: PLUGIN_NAME,
    enforce: "pre",
    apply: (_, env) => env.command === "serve" || options.production === true,
    config: () => ({ optimizeDeps: { exclude: ["@solidjs/router"] } }),
    configResolved(resolved) {
      config = resolved;
      checkSetup(resolved);
    },
    resolveId(id) {
      if (id === RUNTIME_ID) return fromSource ? runtimeFile : RESOLVED_RUNTIME_ID;
      if (id === OVERLAY_ID && overlay) return RESOLVED_OVERLAY_ID;
    },
    load(id) {
      if (id === RESOLVED_RUNTIME_ID) return readFileSync(runtimeFile, "utf8");
      if (id === RESOLVED_OVERLAY_ID) return `import { mountOverlay } from ${JSON.stringify(overlayFile)};\nmountOverlay(${JSON.stringify(overlay)});\n`;
    },
    // First among all plugins: SolidStart's solid() reprints .js files, and the anchors are exact source.
    // The app's own modules are read there too, as written (SolidStart's "use server" compiler comes after).
    transform: { order: "pre", handler: transform },
  };

  function transform(this: { warn(message: string): void }, code: string, id: string, transformOptions?: { ssr?: boolean }) {
    if (transformOptions?.ssr) return;
    const match = ROUTER_MODULE.exec(id.split("?")[0]);
    if (!match) {
      if (!config || code.includes(PATCHED_MARK)) return;
      return transformSourceSites(code, id, { root: config.root, runtimeId: RUNTIME_ID, nextId: () => ++nextSite });
    }
    if (code.includes(PATCHED_MARK)) return;
    const version = routerVersion(match[1]);
    if (version === undefined) return;
    const module = match[2] as RouterModule;
    const warnOnce = (message: string) => {
      if (warned.has(version)) return;
      warned.add(version);
      this.warn(message);
    };
    /** A router left as it is: only its query module says so to the page (and loads the overlay, if on). */
    const untouched = () => (module === "query" ? { code: overlayImport + unsupportedRouterHeader(version) + code, map: null } : undefined);
    if (!SUPPORTED_ROUTER.test(version)) {
      warnOnce(`@solidjs/router ${version} is not supported (supported: ${SUPPORTED_LINES}); the app runs uninstrumented`);
      return untouched();
    }
    try {
      const problem = mismatch(match[1], version);
      if (problem !== undefined) throw new Error(problem);
      return { code: (module === "query" ? overlayImport : "") + patchRouterModule(module, code, version, runtimeOptions), map: null };
    } catch (error) {
      warnOnce(`${(error as Error).message}; not instrumented`);
      return untouched();
    }
  }
}

/** Setups the plugin cannot instrument say so once, in the terminal; the app still starts. */
function checkSetup(config: ResolvedConfig) {
  if (checkedSetups.has(config)) return;
  checkedSetups.add(config);
  const copies = config.plugins.filter((plugin) => plugin.name === PLUGIN_NAME).length;
  if (copies > 1) {
    config.logger.warn(`[${PLUGIN_NAME}] queryDevtools() is listed ${copies} times in the Vite plugins; the router is instrumented once. Remove the extra entries.`);
  }
  try {
    createRequire(join(config.root, "package.json")).resolve("@solidjs/router");
  } catch {
    config.logger.warn(`[${PLUGIN_NAME}] @solidjs/router is not installed in ${config.root}: there is no query cache to instrument. Install it (npm install @solidjs/router) or remove queryDevtools().`);
  }
}
