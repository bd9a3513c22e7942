/*
 * The end-to-end slice in real Chromium: the real demo's router cache, through the extension,
 * into the real DevTools panel, and commands back.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { actionGroup, fetchCounts, undock, root, showView, until, type DemoSession, type Inspected, openDemo } from "./harness.ts";

let demo: DemoSession;
let inspected: Inspected;

beforeAll(async () => {
  demo = await openDemo(5273);
  inspected = demo.inspected;
});

afterAll(() => demo?.close());

const rowKeys = (query: string) =>
  inspected.panel.$$eval(`[data-query="${query}"][data-query-key]`, (rows) => rows.map((r) => r.getAttribute("data-query-key")));

test("(a) lists projects and one projectTasks row per loaded project", async () => {
  await until("rows for every project", async () => (await rowKeys("projectTasks")).length === 3);
  expect(await rowKeys("projects")).toEqual(["projects[]"]);
  expect(await rowKeys("projectTasks")).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]']);
});

test("(b) revalidating one instance refetches exactly that key", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.panel.locator('[data-query-key=\'projectTasks["2"]\'] [data-action="revalidate"]').click();
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
  await showView(inspected.panel, "timeline");
  const { refetched, summary } = await actionGroup(inspected.panel, "addTask", 4);
  expect(refetched.sort()).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"].sort());
  expect(summary).toContain("revalidates all active queries");
});

/** The latest group of action `name` in the timeline, once it shows `fetches` refetches. */

test("(issue 4) json(…, { revalidate }) refetches only the listed key, shown as X-Revalidate", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.page.type("#rename-project-form-2 input[name=name]", "Renamed app");
  await inspected.page.click("#rename-project-form-2 [type=submit]");
  const { refetched, summary, by } = await actionGroup(inspected.panel, "renameProject", 1);
  expect(refetched).toEqual(['projectTasks["2"]']);
  expect(summary).toBe('revalidates projectTasks["2"] (X-Revalidate)');
  // The json(…, { revalidate }) call behind it, in demo/queries.ts.
  const [file, line] = by!.split(":");
  expect(file).toBe("queries.ts");
  expect(readFileSync(resolve(root, "demo/queries.ts"), "utf8").split("\n")[Number(line) - 1]).toContain("json({ ok: true }, { revalidate");
  const key = 'projectTasks["2"]';
  await until("the page's refetch", async () => (await fetchCounts(inspected.page))[key] === before[key] + 1);
  expect(await fetchCounts(inspected.page)).toEqual({ ...before, [key]: before[key] + 1 });
});

test("(issue 4) a raw X-Revalidate header refetches only its key", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.page.click("#touch-projects-form [type=submit]");
  const { refetched, summary } = await actionGroup(inspected.panel, "touchProjects", 1);
  expect(refetched).toEqual(["projects[]"]);
  expect(summary).toBe("revalidates projects (X-Revalidate)");
  await until("the page's refetch", async () => (await fetchCounts(inspected.page))["projects[]"] === before["projects[]"] + 1);
  expect(await fetchCounts(inspected.page)).toEqual({ ...before, "projects[]": before["projects[]"] + 1 });
});

test("(e) screenshot of DevTools with the panel", async () => {
  await showView(inspected.panel, "queries");
  await inspected.panel.locator('[data-query-key=\'projectTasks["1"]\']').click();
  await inspected.panel.waitForSelector('[data-details-key=\'projectTasks["1"]\']');
  await undock(inspected.devtools);
  mkdirSync(resolve(root, "docs"), { recursive: true });
  await inspected.devtools.screenshot({ path: resolve(root, "docs/panel.png") });
});
