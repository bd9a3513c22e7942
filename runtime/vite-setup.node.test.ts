/*
 * The published plugin (imported by its package name: dist/npm) in real Vite dev servers, set up
 * as users do, right and wrong: before or after vite-plugin-solid, listed twice, in an app without
 * @solidjs/router, with an unsupported router. Each setup either instruments the router's own files
 * or says why in one warning, and the server keeps serving.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createLogger, createServer, parseAst, type PluginOption } from "vite";
import solid from "vite-plugin-solid";
import { afterAll, expect, test } from "vitest";
import { queryDevtools } from "solid-query-devtools/vite";

const root = resolve(import.meta.dirname, "..");
const routerDist = resolve(root, "node_modules/@solidjs/router/dist");
const temp = mkdtempSync(join(tmpdir(), "sqd-setup-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A dev server for `appRoot` with these plugins, collecting what Vite's logger warns. */
async function devServer(appRoot: string, plugins: PluginOption[]) {
  const warnings: string[] = [];
  const logger = createLogger("warn");
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = logger.warn;
  const server = await createServer({
    configFile: false,
    root: appRoot,
    plugins,
    customLogger: logger,
    server: { port: 0, strictPort: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const base = server.resolvedUrls!.local[0];
  return { server, warnings, get: (path: string) => fetch(new URL(path.replace(/^\//, ""), base)) };
}

/**
 * A small app folder outside the repository, with solid-js (linked to the repository's); `router` puts a
 * @solidjs/router of that version in its node_modules (the newest 1.0's files, which its imports need).
 */
function app(name: string, router?: string): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, "src"), { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(resolve(root, "node_modules/solid-js"), join(dir, "node_modules/solid-js"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type: "module" }));
  writeFileSync(join(dir, "index.html"), '<!doctype html><script type="module" src="/src/main.js"></script>');
  writeFileSync(join(dir, "src/main.js"), 'document.title = "app";');
  if (router) {
    const pkg = join(dir, "node_modules/@solidjs/router");
    cpSync(routerDist, join(pkg, "dist"), { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "@solidjs/router", version: router, main: "dist/data/query.js" }));
  }
  return dir;
}

const queryModule = (dir: string) => `/@fs${join(dir, "node_modules/@solidjs/router/dist/data/query.js")}`;

test.each([
  ["after vite-plugin-solid", () => [solid(), queryDevtools()]],
  ["before vite-plugin-solid", () => [queryDevtools(), solid()]],
])("%s: the router's cache is instrumented and the page runtime served", async (_, plugins) => {
  const dir = app(`order-${Math.random().toString(36).slice(2)}`, "1.0.3");
  const { server, warnings, get } = await devServer(dir, plugins());
  try {
    const query = await (await get(queryModule(dir))).text();
    expect(query).toContain("let cacheMap = __sqd.cache(new Map());");
    expect(() => parseAst(query)).not.toThrow();
    const runtime = await (await get("/@id/__x00__virtual:solid-query-devtools")).text();
    expect(runtime).toContain("__SOLID_QUERY_DEVTOOLS__");
    expect(warnings).toEqual([]);
  } finally {
    await server.close();
  }
});

test("listed twice: instrumented once, one warning", async () => {
  const dir = app("twice", "1.0.3");
  const { server, warnings, get } = await devServer(dir, [solid(), queryDevtools(), queryDevtools()]);
  try {
    const query = await (await get(queryModule(dir))).text();
    expect(query.split("__sqd.cache(new Map())")).toHaveLength(2);
    expect(() => parseAst(query)).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("queryDevtools() is listed 2 times");
  } finally {
    await server.close();
  }
});

test("no @solidjs/router in the app: one warning, the app is served", async () => {
  const dir = app("no-router");
  const { server, warnings, get } = await devServer(dir, [solid(), queryDevtools()]);
  try {
    expect((await get("/")).status).toBe(200);
    expect(await (await get("/src/main.js")).text()).toContain('document.title = "app"');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("@solidjs/router is not installed");
  } finally {
    await server.close();
  }
});

test("an unsupported router version: one warning, its code untouched but for the page's own warning", async () => {
  const dir = app("old-router", "0.14.9");
  const { server, warnings, get } = await devServer(dir, [solid(), queryDevtools()]);
  try {
    const query = await (await get(queryModule(dir))).text();
    expect(query).not.toContain("__sqd.");
    expect(query).toContain('__sqdUnsupported("0.14.9")');
    expect(query).toContain("let cacheMap = new Map();");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("@solidjs/router 0.14.9 is not supported");
  } finally {
    await server.close();
  }
});
