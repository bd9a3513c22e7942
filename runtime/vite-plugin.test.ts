/* The Vite plugin and the source patches, tested on the installed routers' files and on fake ones. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAst } from "vite";
import { afterAll, expect, test, vi } from "vitest";
import { GLOBAL_HOOK, type DevtoolsHook } from "./devtools-hook.ts";
import { reportUnsupportedRouter } from "./install.ts";
import { ROUTER_MODULES as modules, RUNTIME_ID, SUPPORTED_LINES, SUPPORTED_ROUTER, patchRouterModule, unsupportedRouterHeader, type RouterModule } from "./router-patches.ts";
import { queryDevtools } from "./vite.ts";

// Router 2.0 sits in the Solid 2 demo's own node_modules (an npm workspace: its Solid 2 peers cannot share ours).
const installed = {
  "1.0.3": "@solidjs/router",
  "1.0.0": "router-1-0-0",
  "0.16.3": "router-0-16",
  "0.15.4": "router-0-15",
  "2.0.0": "../examples/solid2/node_modules/@solidjs/router",
};
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const routerFile = (pkg: string, module: RouterModule) => join(repo, "node_modules", pkg, "dist", "data", `${module}.js`);
const options = { bufferSize: 100 };

type Transform = (this: { warn(message: string): void }, code: string, id: string, opts?: { ssr?: boolean }) => { code: string } | undefined;
/** The plugin's transform hook with a context that collects warnings. */
function plugin() {
  const warnings: string[] = [];
  const instance = queryDevtools();
  const transform = (code: string, id: string, ssr = false) =>
    (instance.transform as unknown as { handler: Transform }).handler.call({ warn: (message) => warnings.push(message) }, code, id, { ssr });
  return { instance, transform, warnings };
}

const temp = mkdtempSync(join(tmpdir(), "sqd-router-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
/** A fake package directory with the given package.json and a copy of the newest 1.0 query, action and events files. */
function fakeRouter(name: string, version: string, edit = (code: string) => code) {
  const root = join(temp, `${name.replace("/", "+")}-${version}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(root, "dist", "data"), { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify({ name, version }));
  for (const module of modules) {
    writeFileSync(join(root, "dist", "data", `${module}.js`), edit(readFileSync(routerFile("@solidjs/router", module), "utf8")));
  }
  const file = (module: RouterModule) => join(root, "dist", "data", `${module}.js`);
  return { file, code: (module: RouterModule) => readFileSync(file(module), "utf8") };
}

// Every supported release's real files patch cleanly into valid JS that imports the runtime.
test.each(Object.entries(installed))("patchRouterModule on the installed %s", (version, pkg) => {
  for (const module of modules) {
    const code = readFileSync(routerFile(pkg, module), "utf8");
    const patched = patchRouterModule(module, code, version, options);
    // 2.0's link events moved (no patch there): its events module stays as it is.
    if (module === "events" && version.startsWith("2.")) {
      expect(patched).toBe(code);
      continue;
    }
    expect(patched.startsWith(`import { installRouterDevtools as __sqdInstall } from "${RUNTIME_ID}";`)).toBe(true);
    expect(patched).toContain(`__sqdInstall("${version}", {"bufferSize":100})`);
    expect(() => parseAst(patched)).not.toThrow();
  }
  const query = patchRouterModule("query", readFileSync(routerFile(pkg, "query"), "utf8"), version, options);
  expect(query).toContain("let cacheMap = __sqd.cache(new Map());");
  expect(query).toContain("__sqd.attach({ revalidate, cacheKeyOp, query });");
  if (version.startsWith("2.")) return;
  // Both of a link's preload paths (focus or touch, and hover) name its anchor.
  expect(patchRouterModule("events", readFileSync(routerFile(pkg, "events"), "utf8"), version, options).split("__sqd.preloading(a, () => router.preloadRoute(")).toHaveLength(3);
});

// A file that differs from the tested source at an anchor (changed or duplicated) is refused whole.
test("patchRouterModule throws on a modified file", () => {
  const query = readFileSync(routerFile("@solidjs/router", "query"), "utf8");
  const changed = query.replace("let cacheMap = new Map();", "let cacheMap = new WeakMap();");
  expect(() => patchRouterModule("query", changed, "1.0.9", options)).toThrow(
    "router 1.0.9 query.js does not match the tested source at: let cacheMap = new Map();",
  );
  const doubled = query + "\nquery.clear = () => getCache().clear();";
  expect(() => patchRouterModule("query", doubled, "1.0.9", options)).toThrow(/query\.clear = \(\) => getCache\(\)\.clear\(\);$/);
});

// The plugin patches a supported router's data modules only, in the browser bundle only.
test("transform: which files are patched", () => {
  const { transform, warnings } = plugin();
  const router = fakeRouter("@solidjs/router", "1.0.0");
  expect(transform(router.code("query"), router.file("query"))?.code).toContain("__sqd.cache(new Map())");
  expect(transform(router.code("action"), `${router.file("action")}?v=123`)?.code).toContain("__sqd.actionStart(url, variables, form)");
  expect(transform(router.code("query"), router.file("query"), true)).toBeUndefined(); // SSR
  const fork = fakeRouter("my-router", "1.0.0");
  expect(transform(fork.code("query"), fork.file("query"))).toBeUndefined();
  expect(transform("export {}", router.file("query").replace("query.js", "index.js"))).toBeUndefined();
  expect(warnings).toEqual([]);
});

// Whole release lines (each file is still checked anchor by anchor), never a prerelease: the 2.0
// prereleases' files changed from one to the next, and the last one is no longer tested.
test("SUPPORTED_ROUTER: the tested lines, not their prereleases", () => {
  for (const version of ["0.15.4", "0.16.3", "1.0.0", "1.0.3", "2.0.0", "2.0.7"]) expect(SUPPORTED_ROUTER.test(version), version).toBe(true);
  for (const version of ["0.14.9", "0.17.0-next.5", "1.1.0", "2.0.0-next.44", "2.0.1-next.0", "2.1.0", "3.0.0"]) {
    expect(SUPPORTED_ROUTER.test(version), version).toBe(false);
  }
});

// An unknown router version gets only the unsupported header: its code is left exactly as it was,
// and the terminal says so once.
test("transform: unsupported version", () => {
  const { transform, warnings } = plugin();
  const router = fakeRouter("@solidjs/router", "3.0.0");
  const query = transform(router.code("query"), router.file("query"))?.code;
  expect(query).toBe(unsupportedRouterHeader("3.0.0") + router.code("query"));
  expect(query).not.toContain("__sqd.");
  expect(transform(router.code("action"), router.file("action"))).toBeUndefined();
  expect(transform(router.code("query"), `${router.file("query")}?v=2`)?.code).toBe(query);
  expect(warnings).toEqual([`@solidjs/router 3.0.0 is not supported (supported: ${SUPPORTED_LINES}); the app runs uninstrumented`]);
});

// A 2.0 prerelease (even the last, whose anchors 2.0.0 kept) is refused like any unknown version.
test("transform: a 2.0 prerelease", () => {
  const { transform, warnings } = plugin();
  const next = fakeRouter("@solidjs/router", "2.0.0-next.44");
  expect(transform(next.code("query"), next.file("query"))?.code).toBe(unsupportedRouterHeader("2.0.0-next.44") + next.code("query"));
  expect(transform(next.code("action"), next.file("action"))).toBeUndefined();
  expect(warnings).toEqual([`@solidjs/router 2.0.0-next.44 is not supported (supported: ${SUPPORTED_LINES}); the app runs uninstrumented`]);
});

// Code another copy of the plugin already patched (the plugin listed twice) is left as it is.
test("transform: already instrumented code is not patched again", () => {
  const { transform, warnings } = plugin();
  const router = fakeRouter("@solidjs/router", "1.0.0");
  for (const module of modules) {
    const once = transform(router.code(module), router.file(module))!.code;
    expect(transform(once, router.file(module))).toBeUndefined();
  }
  expect(warnings).toEqual([]);
});

// A supported version whose source changed is not instrumented, with one build warning.
test("transform: supported version with modified source", () => {
  const { transform, warnings } = plugin();
  const router = fakeRouter("@solidjs/router", "1.0.7", (code) => code.replace("const form = this.f;", "const form = this.form;"));
  expect(transform(router.code("action"), router.file("action"))).toBeUndefined();
  expect(transform(router.code("query"), router.file("query"))?.code).toBe(unsupportedRouterHeader("1.0.7") + router.code("query"));
  expect(transform(router.code("action"), router.file("action"))).toBeUndefined();
  expect(warnings).toEqual(["router 1.0.7 action.js does not match the tested source at: const form = this.f;; not instrumented"]);
});

// Either file differing leaves both unpatched: an instrumented action.js beside an uninstrumented
// cache would publish a hook that cannot reach the router.
test("transform: never half-patches a router", () => {
  const { transform, warnings } = plugin();
  const router = fakeRouter("@solidjs/router", "1.0.8", (code) => code.replace("cachedFn.key = name;", "cachedFn.key = name + '';"));
  expect(transform(router.code("action"), router.file("action"))).toBeUndefined();
  expect(transform(router.code("query"), router.file("query"))?.code).toBe(unsupportedRouterHeader("1.0.8") + router.code("query"));
  expect(warnings).toEqual(["router 1.0.8 query.js does not match the tested source at: cachedFn.key = name;; not instrumented"]);
});

// The plugin runs in dev, and in builds only when asked to.
test("apply", () => {
  const apply = (production?: boolean) => queryDevtools({ production }).apply as (config: object, env: { command: string }) => boolean;
  expect(apply()({}, { command: "serve" })).toBe(true);
  expect(apply()({}, { command: "build" })).toBe(false);
  expect(apply(true)({}, { command: "build" })).toBe(true);
});

// An unsupported router warns once, however many times it reports, and publishes an inert hook.
test("reportUnsupportedRouter warns exactly once", () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  reportUnsupportedRouter("3.0.0");
  reportUnsupportedRouter("3.0.0");
  reportUnsupportedRouter("3.1.0");
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0][0]).toContain("@solidjs/router 3.0.0 is not supported");
  const hook = (globalThis as Record<string, unknown>)[GLOBAL_HOOK] as DevtoolsHook;
  expect(hook).toMatchObject({ routerVersion: "3.0.0", instrumented: false });
  expect(hook.snapshot()).toEqual({ entries: [], events: [], dropped: 0 });
  warn.mockRestore();
});

test("overlay: the query module imports the overlay's mount module, which mounts it with the options given", () => {
  const instance = queryDevtools({ overlay: { position: "right" } });
  const transform = (module: RouterModule) =>
    (instance.transform as unknown as { handler: Transform }).handler.call({ warn: () => {} }, readFileSync(routerFile("@solidjs/router", module), "utf8"), routerFile("@solidjs/router", module));
  expect(transform("query")!.code.startsWith('import "virtual:solid-query-devtools/overlay";\n')).toBe(true);
  expect(transform("action")!.code).not.toContain("overlay");
  const resolveId = instance.resolveId as (id: string) => string | undefined;
  const load = instance.load as (id: string) => string | undefined;
  const resolved = resolveId("virtual:solid-query-devtools/overlay")!;
  expect(load(resolved)).toMatch(/^import \{ mountOverlay \} from ".*panel\/overlay\/index\.ts";\nmountOverlay\(\{"position":"right"\}\);\n$/);
  // Without the option, nothing of the overlay.
  expect(plugin().transform(readFileSync(routerFile("@solidjs/router", "query"), "utf8"), routerFile("@solidjs/router", "query"))!.code).not.toContain("overlay");
  expect((plugin().instance.resolveId as (id: string) => string | undefined)("virtual:solid-query-devtools/overlay")).toBeUndefined();
});
