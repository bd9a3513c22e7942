/*
 * The devtools on a real SolidStart 2 app (examples/solidstart) in real Chromium: entries the
 * server rendered and the client hydrated, "use server" actions with single-flight data in the
 * timeline, and a devtools revalidate that runs the query on the server exactly once. The app's
 * dev server is its own process, its `npm run dev` (Node 24, which SolidStart 2 needs), started in
 * the app's folder (SolidStart finds the app from the working directory); its vite.config imports
 * the plugin as "solid-query-devtools/vite", the built package.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startDevServer, type DevServer } from "./dev-server.ts";
import { launchBrowser, openWithPanel, root, rowKeys, showView, until, type Inspected } from "./harness.ts";

const port = 5290;
const base = `http://localhost:${port}`;
const appDir = resolve(root, "examples/solidstart");

const TASKS = ['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]'];
const ALL_KEYS = ["projects[]", ...TASKS];

let server: DevServer | undefined;
let browser: Browser | undefined;
let inspected: Inspected;
/** Server executions per key before the inspected page was opened. */
let countsBeforeLoad: Record<string, number>;

/** How many times each query key really ran on the server (the app's own count). */
async function serverCounts(): Promise<Record<string, number>> {
  const response = await fetch(`${base}/api/fetch-counts`);
  if (!response.ok) throw new Error(`/api/fetch-counts answered ${response.status}`);
  return (await response.json()) as Record<string, number>;
}

beforeAll(async () => {
  // The example's own dev script: it links the package, then starts Vite on Node 24.
  server = startDevServer("npm", ["run", "dev", "--", "--port", String(port), "--strictPort"], appDir);
  [browser] = await Promise.all([
    launchBrowser(),
    Promise.race([server.exited, until("the SolidStart dev server", () => serverCounts().then(() => true), 60_000)]),
  ]);

  // Warm-up tab: the first visit makes Vite optimize the client's dependencies, which may reload
  // the page. Both routes are visited so nothing is left to discover while the tests run.
  const warmUp = await browser.newPage();
  for (const path of ["/", "/projects/1"]) {
    await warmUp.goto(base + path, { timeout: 60_000 });
    await until(`${path} hydrated`, () => warmUp.evaluate(HYDRATED_ENTRIES).catch(() => undefined), 60_000);
  }
  await new Promise((r) => setTimeout(r, 1_000));
  await warmUp.close();

  countsBeforeLoad = await serverCounts();
  inspected = await openWithPanel(browser, `${base}/`);
  await until("the page hydrated", () => inspected.page.evaluate(HYDRATED_ENTRIES), 30_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Evaluated in the page: how many cache entries the runtime has, once it has any. */
const HYDRATED_ENTRIES = `(() => {
  const hook = globalThis.__SOLID_QUERY_DEVTOOLS__;
  const count = hook ? hook.snapshot().entries.length : 0;
  return count > 0 && document.querySelector("#fetch-counts li") !== null ? count : false;
})()`;

const text = (selector: string) => inspected.panel.$eval(selector, (el) => el.textContent ?? "");

/** Waits until the server's counts equal `expected`, then checks they stay so (no late refetch). */
async function expectServerCounts(what: string, expected: Record<string, number>): Promise<void> {
  await until(what, async () => JSON.stringify(await serverCounts()) === JSON.stringify(expected), 10_000).catch(async (error: Error) => {
    throw new Error(`${error.message}; counts ${JSON.stringify(await serverCounts())}, expected ${JSON.stringify(expected)}`);
  });
  await new Promise((r) => setTimeout(r, 500));
  expect(await serverCounts()).toEqual(expected);
}

const plusOne = (counts: Record<string, number>, keys: string[]) => ({ ...counts, ...Object.fromEntries(keys.map((k) => [k, (counts[k] ?? 0) + 1])) });

/** The latest group of action `name` in the timeline, once it succeeded: its id and summary. */
async function actionGroup(name: string): Promise<{ id: string; summary: string }> {
  const header = `[data-kind="action"][data-action-name="${name}"][data-outcome="ok"]`;
  await inspected.panel.waitForSelector(header, { timeout: 15_000 });
  const id = await inspected.panel.$$eval(header, (rows) => rows.at(-1)!.getAttribute("data-action-id")!);
  const summary = await until(`${name}'s summary`, async () => {
    const summary = await text(`[data-summary-of="${id}"]`);
    return summary.includes("single-flight") ? summary : undefined;
  });
  return { id, summary };
}

test("(1) server-rendered entries are listed as hydrated, with their values", async () => {
  await until("a row per key", async () => (await rowKeys(inspected.panel, "projectTasks")).length === 3);
  expect(await rowKeys(inspected.panel, "projects")).toEqual(["projects[]"]);
  expect(await rowKeys(inspected.panel, "projectTasks")).toEqual(TASKS);
  for (const key of ALL_KEYS) {
    const row = `[data-query-key='${key}']`;
    expect(await inspected.panel.$eval(row, (el) => el.getAttribute("data-status"))).toBe("ready");
    expect(await inspected.panel.$$eval(`${row} .tag`, (tags) => tags.map((t) => t.textContent))).toContain("hydrated");
  }

  await inspected.panel.locator("[data-query-key='projects[]']").click();
  await inspected.panel.waitForSelector("[data-details-key='projects[]']");
  expect(await text("[data-details-key='projects[]'] [data-fact=\"status\"]")).toContain("(hydrated)");
  await until("the projects' value", async () => (await text("[data-details-key='projects[]']")).includes("Website redesign"));

  await inspected.panel.locator(`[data-query-key='${TASKS[1]}']`).click();
  await inspected.panel.waitForSelector(`[data-details-key='${TASKS[1]}']`);
  expect(await text(`[data-details-key='${TASKS[1]}'] [data-fact="status"]`)).toContain("(hydrated)");
  await until("the tasks' value", async () => (await text(`[data-details-key='${TASKS[1]}']`)).includes("Set up CI"));

  // The server rendered each query once; hydration fetched nothing.
  expect(await serverCounts()).toEqual(plusOne(countsBeforeLoad, ALL_KEYS));
});

// A "use server" query's location is the file the developer wrote, not the server-function stub.
test("(1b) each query group names the line of its query( call in src/lib/queries.ts", async () => {
  for (const name of ["projects", "projectTasks"]) {
    const link = `[data-query-name="${name}"] [data-defined-at] .source-link`;
    await inspected.panel.waitForSelector(link, { timeout: 5_000 }).catch(async (error: Error) => {
      const header = await inspected.panel.$eval(`[data-query-name="${name}"]`, (el) => el.outerHTML).catch(() => "no header");
      const rejected = await inspected.panel.$eval("[data-rejected]", (el) => el.getAttribute("title")).catch(() => "none");
      throw new Error(`${error.message}; header ${header}; rejected: ${rejected}`);
    });
    const location = await text(link);
    const [, file, line, column] = /^(.+):(\d+):(\d+)$/.exec(location)!;
    expect(file).toBe("src/lib/queries.ts");
    const source = readFileSync(resolve(appDir, file), "utf8").split("\n")[Number(line) - 1].slice(Number(column) - 1);
    expect(source).toMatch(/^query\(async \(/);
    expect(source).toContain(name === "projects" ? "Promise<db.Project[]>" : "projectId: string");
  }
});

test("(2) a single-flight server action shows in the timeline; its query ran once, on the server", async () => {
  const before = await serverCounts();
  await inspected.page.type("#rename-project-form-2 input[name=name]", "Renamed app");
  await inspected.page.click("#rename-project-form-2 [type=submit]");
  await showView(inspected.panel, "timeline");
  const { id, summary } = await actionGroup("renameProjectAction");
  expect(summary).toContain("single-flight: projects[]");
  expect(summary).toContain("revalidates projects (X-Revalidate)");
  // The new value came with the action's response: no refetch in the page, one run on the server.
  expect(await inspected.panel.$$(`[data-parent-action="${id}"][data-kind="fetch"]`)).toHaveLength(0);
  await expectServerCounts("the single-flight run", plusOne(before, ["projects[]"]));
  await inspected.page.waitForFunction(() => document.querySelector('[data-project="2"] h2')?.textContent?.includes("Renamed app"));
  // The group says what happened: the revalidation re-read the response's value (no "refetching"),
  // and the query.set of projects[] is one line, inside the group (its awaited value joins it).
  const revalidation = await text(`[data-parent-action="${id}"][data-kind="revalidate"]`);
  expect(revalidation).toContain("revalidated by single-flight: value from the action's response");
  expect(revalidation).not.toContain("refetching");
  await new Promise((r) => setTimeout(r, 300));
  const sets = await inspected.panel.$$eval('[data-kind="value-set"]', (lines) =>
    lines.filter((line) => line.textContent?.includes("query.set")).map((line) => [line.textContent, line.getAttribute("data-parent-action")]),
  );
  expect(sets).toEqual([[expect.stringContaining("projects[]"), id]]);
});

test("(3) revalidate on one instance refetches it from the server exactly once", async () => {
  await showView(inspected.panel, "queries");
  const key = TASKS[1];
  await inspected.panel.waitForSelector(`[data-query-key='${key}'] [data-action="revalidate"]`);
  const before = await serverCounts();
  await inspected.panel.locator(`[data-query-key='${key}'] [data-action="revalidate"]`).click();
  await expectServerCounts(`${key} refetched`, plusOne(before, [key]));
});

test("(4) redirect(…, { revalidate }) from a server action: single-flight data for the new page", async () => {
  const before = await serverCounts();
  await inspected.page.type("#add-task-form-1 input[name=title]", "Ship the SolidStart example");
  await inspected.page.click("#add-task-form-1 [type=submit]");
  await showView(inspected.panel, "timeline");
  const { id, summary } = await actionGroup("addTaskAction");
  expect(summary).toContain(`revalidates ${TASKS[0]} (X-Revalidate)`);
  expect(summary).toMatch(/single-flight: .*projects\[\]/);
  expect(summary).toContain(TASKS[0]);
  expect(await inspected.panel.$$(`[data-parent-action="${id}"][data-kind="fetch"]`)).toHaveLength(0);
  // The redirect's page preloads both queries: each ran once on the server, none in the page.
  await expectServerCounts("the single-flight runs", plusOne(before, ["projects[]", TASKS[0]]));
  await until("the project page", async () => inspected.page.url() === `${base}/projects/1`);
  await inspected.page.waitForFunction(() => document.querySelector('[data-tasks-of="1"]')?.textContent?.includes("Ship the SolidStart example"));
});
