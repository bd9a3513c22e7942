/*
 * The end-to-end slice in real Chromium: the real demo's router cache, through the extension,
 * into the real DevTools panel, and commands back.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "puppeteer-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fetchCounts, launchBrowser, undock, openWithPanel, root, startDemo, until, type Inspected } from "./harness.ts";

const port = 5273;
let server: ViteDevServer;
let browser: Browser;
let inspected: Inspected;

beforeAll(async () => {
  server = await startDemo(port);
  browser = await launchBrowser();
  inspected = await openWithPanel(browser, `http://localhost:${port}/`);
  await inspected.page.waitForSelector('[data-fetch-key=\'projectTasks["3"]\']');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rowKeys = (query: string) =>
  inspected.panel.$$eval(`[data-query-name="${query}"] [data-query-key]`, (rows) => rows.map((r) => r.getAttribute("data-query-key")));

test("(a) lists projects and one projectTasks row per loaded project", async () => {
  await until("rows for every project", async () => (await rowKeys("projectTasks")).length === 3);
  expect(await rowKeys("projects")).toEqual(["projects[]"]);
  expect(await rowKeys("projectTasks")).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]']);
});

test("(b) revalidating one instance refetches exactly that key", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.panel.click('[data-query-key=\'projectTasks["2"]\'] [data-action="revalidate"]');
  const key = 'projectTasks["2"]';
  await until("the refetch", async () => (await fetchCounts(inspected.page))[key] === before[key] + 1);
  await new Promise((r) => setTimeout(r, 500));
  expect(await fetchCounts(inspected.page)).toEqual({ ...before, [key]: before[key] + 1 });
});

test("(c) revalidate all refetches every active query", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.panel.click('[data-action="revalidate"][data-scope="all"]');
  const active = ["projects[]", 'projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]'];
  const expected = { ...before, ...Object.fromEntries(active.map((k) => [k, before[k] + 1])) };
  await until("every active query refetched", async () => JSON.stringify(await fetchCounts(inspected.page)) === JSON.stringify(expected));
  await new Promise((r) => setTimeout(r, 500));
  expect(await fetchCounts(inspected.page)).toEqual(expected);
});

test("(d) an action appears in the timeline followed by the refreshes it caused", async () => {
  await inspected.page.type("#add-task-form-1 input[name=title]", "Write the e2e test");
  await inspected.page.click("#add-task-form-1 [type=submit]");
  await inspected.panel.click('[data-view="timeline"]');
  const group = '[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]';
  await inspected.panel.waitForSelector(group);
  const refetched = await until("the action's refetches", async () => {
    const keys = await inspected.panel.$$eval(`${group} [data-kind="fetch"][data-cause="revalidate"]`, (rows) =>
      rows.map((r) => r.getAttribute("data-key")),
    );
    return keys.length === 4 ? keys : undefined;
  });
  expect(refetched.sort()).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"].sort());
  const summary = await inspected.panel.$eval(`${group} .action-summary`, (el) => el.textContent);
  expect(summary).toContain("revalidates all active queries");
});

test("(e) screenshot of DevTools with the panel", async () => {
  await inspected.panel.click('[data-view="queries"]');
  await inspected.panel.click('[data-query-key=\'projectTasks["1"]\']');
  await inspected.panel.waitForSelector('[data-details-key=\'projectTasks["1"]\']');
  await undock(inspected.devtools);
  mkdirSync(resolve(root, "docs"), { recursive: true });
  await inspected.devtools.screenshot({ path: resolve(root, "docs/panel.png") });
});
