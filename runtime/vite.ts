/*
 * The Vite plugin users add: `plugins: [solid(), queryDevtools()]`. In `vite serve` (or any
 * build with `{ production: true }`) it patches @solidjs/router's own cache and action modules
 * in the browser bundle so they report to the runtime. Server (SSR) modules are never touched,
 * and a plain production build contains no instrumentation at all.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { RUNTIME_ID, SUPPORTED_ROUTER, patchRouterModule, unsupportedRouterHeader, type RouterModule } from "./router-patches.ts";

export interface QueryDevtoolsOptions {
  /** Instrument production builds too. Default false: `vite build` output stays untouched. */
  production?: boolean;
  /** Events kept in the page for a panel opened late. Default 10,000. */
  bufferSize?: number;
}

const INSTALL_MODULE = join(dirname(fileURLToPath(import.meta.url)), "install.ts");
const ROUTER_MODULE = /^(.*)[\\/]dist[\\/]data[\\/](query|action)\.js$/;

export function queryDevtools(options: QueryDevtoolsOptions = {}): Plugin {
  const runtimeOptions = { bufferSize: options.bufferSize ?? 10_000 };
  const versions = new Map<string, string | undefined>();
  const warned = new Set<string>();
  const mismatches = new Map<string, string | undefined>();

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

  /** Why a router package cannot be patched, if so: both its files are checked, so it is never half-patched. */
  function mismatch(packageRoot: string, version: string): string | undefined {
    if (!mismatches.has(packageRoot)) {
      let problem: string | undefined;
      for (const module of ["query", "action"] as const) {
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
    name: "solid-query-devtools",
    enforce: "pre",
    apply: (_, env) => env.command === "serve" || options.production === true,
    config: () => ({ optimizeDeps: { exclude: ["@solidjs/router"] } }),
    resolveId: (id) => (id === RUNTIME_ID ? INSTALL_MODULE : undefined),
    // First among all plugins: SolidStart's solid() reprints .js files, and the anchors are exact source.
    transform: { order: "pre", handler: transformRouterModule },
  };

  function transformRouterModule(this: { warn(message: string): void }, code: string, id: string, transformOptions?: { ssr?: boolean }) {
    if (transformOptions?.ssr) return;
    const match = ROUTER_MODULE.exec(id.split("?")[0]);
    if (!match) return;
    const version = routerVersion(match[1]);
    if (version === undefined) return;
    const module = match[2] as RouterModule;
    if (!SUPPORTED_ROUTER.test(version)) {
      return module === "query" ? { code: unsupportedRouterHeader(version) + code, map: null } : undefined;
    }
    try {
      const problem = mismatch(match[1], version);
      if (problem !== undefined) throw new Error(problem);
      return { code: patchRouterModule(module, code, version, runtimeOptions), map: null };
    } catch (error) {
      if (!warned.has(version)) {
        warned.add(version);
        this.warn(`${(error as Error).message}; not instrumented`);
      }
      return module === "query" ? { code: unsupportedRouterHeader(version) + code, map: null } : undefined;
    }
  }
}
