/*
 * The devtools on Solid 2 (examples/solid2: solid-js 2.0, @solidjs/router 2.0, its own
 * dev server on Node 24 from the example's `npm run dev`), in real Chromium through the real
 * DevTools panel: the keys, one devtools revalidation = one call of the demo's fake API, the
 * actions' groups with their refetches (revalidating everything by default, one key by
 * respond(…, { revalidate })), and observer counts following the page.
 */
import { resolve } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startDevServer, type DevServer } from "./dev-server.ts";
import { actionGroup, fetchCounts, launchBrowser, openWithPanel, root, rowKeys, showView, until, type Inspected } from "./harness.ts";

const port = 5292;
const base = `http://localhost:${port}/`;
const TASKS = ['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]'];

let server: DevServer | undefined;
let browser: Browser | undefined;
let inspected: Inspected;

beforeAll(async () => {
  server = startDevServer("npm", ["run", "dev", "--", "--port", String(port), "--strictPort"], resolve(root, "examples/solid2"));
  [browser] = await Promise.all([
    launchBrowser(),
    Promise.race([server.exited, until("the Solid 2 dev server", () => fetch(base).then((r) => r.ok), 60_000)]),
  ]);
  // Warm-up tab: the first visit makes Vite optimize the dependencies, which may reload the page.
  const warmUp = await browser.newPage();
  await warmUp.goto(base, { timeout: 60_000 });
  await warmUp.waitForSelector(`[data-fetch-key='${TASKS[2]}']`, { timeout: 60_000 });
  await new Promise((r) => setTimeout(r, 1_000));
  await warmUp.close();
  inspected = await openWithPanel(browser, base);
  await inspected.page.waitForSelector(`[data-fetch-key='${TASKS[2]}']`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const plusOne = (counts: Record<string, number>, keys: string[]) => ({ ...counts, ...Object.fromEntries(keys.map((k) => [k, (counts[k] ?? 0) + 1])) });

/** Waits until the page's counts equal `expected`, then checks they stay so (no late refetch). */
async function expectCounts(what: string, expected: Record<string, number>): Promise<void> {
  await until(what, async () => JSON.stringify(await fetchCounts(inspected.page)) === JSON.stringify(expected)).catch(async (error: Error) => {
    throw new Error(`${error.message}; counts ${JSON.stringify(await fetchCounts(inspected.page))}, expected ${JSON.stringify(expected)}`);
  });
  await new Promise((r) => setTimeout(r, 500));
  expect(await fetchCounts(inspected.page)).toEqual(expected);
}

/** The latest group of action `name` in the timeline, once it shows `fetches` refetches. */

test("(1) the keys are listed, each read once, with router 2.0's version", async () => {
  await until("a row per key", async () => (await rowKeys(inspected.panel, "projectTasks")).length === 3);
  expect(await rowKeys(inspected.panel, "projects")).toEqual(["projects[]"]);
  expect(await rowKeys(inspected.panel, "projectTasks")).toEqual(TASKS);
  for (const key of ["projects[]", ...TASKS]) {
    expect(await inspected.panel.$eval(`[data-query-key='${key}']`, (el) => el.getAttribute("data-status"))).toBe("ready");
  }
  expect(await fetchCounts(inspected.page)).toEqual(plusOne({}, ["projects[]", ...TASKS]));
  expect(await inspected.page.evaluate("globalThis.__SOLID_QUERY_DEVTOOLS__.routerVersion")).toBe("2.0.0");
});

test("(2) revalidating one instance from the panel fetches it exactly once", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.panel.locator(`[data-query-key='${TASKS[1]}'] [data-action="revalidate"]`).click();
  await expectCounts(`${TASKS[1]} refetched`, plusOne(before, [TASKS[1]]));
});

test("(3) an action with no keys: its group holds a refetch of every active query", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.page.type("#add-task-form-1 input[name=title]", "Try Solid 2");
  await inspected.page.click("#add-task-form-1 [type=submit]");
  await showView(inspected.panel, "timeline");
  const { refetched, summary } = await actionGroup(inspected.panel, "addTask", 4);
  expect(refetched.sort()).toEqual(["projects[]", ...TASKS].sort());
  expect(summary).toContain("revalidates all active queries");
  await expectCounts("every active query refetched once", plusOne(before, ["projects[]", ...TASKS]));
  await inspected.page.waitForFunction(() => document.querySelector("#project-1")?.textContent?.includes("Try Solid 2"));
});

test("(4) respond(…, { revalidate: key }) refetches that key alone", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.page.type("#rename-project-form-2 input[name=name]", "Renamed app");
  await inspected.page.click("#rename-project-form-2 [type=submit]");
  const { refetched, summary } = await actionGroup(inspected.panel, "renameProject", 1);
  expect(refetched).toEqual([TASKS[1]]);
  expect(summary).toBe(`revalidates ${TASKS[1]} (X-Revalidate)`);
  await expectCounts("one refetch", plusOne(before, [TASKS[1]]));
});

test("(5) observers follow the page: a hidden list leaves its entry inactive, shown again it observes it", async () => {
  await showView(inspected.panel, "queries");
  const row = `[data-query-key='${TASKS[2]}']`;
  const observers = () => inspected.panel.$eval(`${row}`, (el) => ({ inactive: el.classList.contains("inactive"), text: el.textContent ?? "" }));
  expect((await observers()).text).toContain("1 obs");
  await inspected.page.click("#toggle-tasks-3");
  await until("the entry inactive", async () => (await observers()).inactive && (await observers()).text.includes("0 obs"));
  await inspected.page.click("#toggle-tasks-3");
  await until("the entry observed again", async () => !(await observers()).inactive && (await observers()).text.includes("1 obs"));
});
