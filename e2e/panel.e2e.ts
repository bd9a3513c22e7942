/*
 * The panel as a daily tool, in real Chromium on the demo: filter, keyboard revalidate, the
 * action group in the timeline, export/import round trip, and the README screenshots (light and
 * dark, queries and timeline) taken from the real panel.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ElementHandle } from "puppeteer-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fetchCounts, root, showPanel, showView, undock, dock, until, type DemoSession, type Inspected, openDemo } from "./harness.ts";

let demo: DemoSession;
let inspected: Inspected;

beforeAll(async () => {
  demo = await openDemo(5275);
  inspected = demo.inspected;
});

afterAll(() => demo?.close());

const visibleKeys = () => inspected.panel.$$eval("[data-query-key]", (rows) => rows.map((r) => r.getAttribute("data-query-key")));

test("filter narrows the queries; `/` focuses it", async () => {
  await inspected.panel.focus('[role="listbox"]');
  await inspected.panel.page().keyboard.press("/");
  expect(await inspected.panel.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("search");
  await inspected.panel.page().keyboard.type('"2"');
  await until("the filtered list", async () => JSON.stringify(await visibleKeys()) === JSON.stringify(['projectTasks["2"]']));
  await inspected.panel.$eval("input[type=search]", (input) => {
    (input as HTMLInputElement).value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await until("the full list", async () => (await visibleKeys()).length === 4);
});

test("keyboard: arrows select a row, r revalidates exactly that key", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.panel.focus('[role="listbox"]');
  const keyboard = inspected.panel.page().keyboard;
  await keyboard.press("Home");
  // rows: projects, projects[], projectTasks, projectTasks["1"], projectTasks["2"]
  for (let i = 0; i < 4; i++) await keyboard.press("ArrowDown");
  await inspected.panel.waitForSelector('[data-query-key=\'projectTasks["2"]\'].selected');
  await keyboard.press("r");
  const key = 'projectTasks["2"]';
  await until("the refetch", async () => (await fetchCounts(inspected.page))[key] === before[key] + 1);
  await new Promise((r) => setTimeout(r, 400));
  expect(await fetchCounts(inspected.page)).toEqual({ ...before, [key]: before[key] + 1 });
  await inspected.panel.waitForSelector(`[data-details-key='${key}'] [data-fetch-id]`);
});

test("export to a file and import it back read-only", async () => {
  await inspected.page.click("#touch-projects-form [type=submit]");
  await showView(inspected.panel, "timeline");
  await inspected.panel.waitForSelector('[data-kind="action"][data-action-name="touchProjects"][data-outcome="ok"]');
  const downloads = mkdtempSync(join(tmpdir(), "sqd-export-"));
  const cdp = await demo.browser.target().createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads, eventsEnabled: true });
  await inspected.panel.click('[data-action="export"]');
  const file = await until("the exported file", async () => readdirSync(downloads).find((name) => name.endsWith(".json")));
  const session = JSON.parse(readFileSync(join(downloads, file), "utf8"));
  expect(session.format).toBe("solid-query-devtools-session");
  expect(session.entries.map((e: { key: string }) => e.key).sort()).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"]);
  // Every value, though the page sends values with updates only for the entry whose details are open.
  expect(session.entries.filter((e: { value?: unknown; valueOmitted?: true }) => !e.value || e.valueOmitted)).toEqual([]);
  expect(session.events.some((e: { kind: string; name?: string }) => e.kind === "action-start" && e.name === "touchProjects")).toBe(true);

  const input = (await inspected.panel.$('[data-setting="import-file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(join(downloads, file));
  await inspected.panel.waitForSelector('[data-notice="read-only"]');
  await showView(inspected.panel, "timeline");
  await inspected.panel.waitForSelector('[data-kind="action"][data-action-name="touchProjects"]');
  expect(await inspected.panel.$eval('[data-action="revalidate"][data-scope="all"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
  await inspected.panel.click('[data-action="back-to-live"]');
  await inspected.panel.waitForSelector('[data-notice="read-only"]', { hidden: true });
});

test("the action group in the timeline, and light/dark screenshots", async () => {
  await inspected.page.type("#add-task-form-3 input[name=title]", "Ship the devtools");
  await inspected.page.click("#add-task-form-3 [type=submit]");
  await showView(inspected.panel, "timeline");
  const header = '[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]';
  await inspected.panel.waitForSelector(header);
  const id = await inspected.panel.$eval(header, (row) => row.getAttribute("data-action-id"));
  await until("four refetches under the action", async () => (await inspected.panel.$$(`[data-parent-action="${id}"][data-kind="fetch"]`)).length === 4);
  mkdirSync(resolve(root, "docs"), { recursive: true });
  // Undocked, DevTools hides the page (which then pauses its transitions): only for the pictures.
  await undock(inspected.devtools);
  await inspected.devtools.screenshot({ path: resolve(root, "docs/timeline-light.png") });
  await showView(inspected.panel, "queries");
  await inspected.panel.locator('[data-query-key=\'projectTasks["3"]\']').click();
  await inspected.devtools.screenshot({ path: resolve(root, "docs/queries-light.png") });

  await inspected.devtools.evaluate(`(async () => {
    const common = await import("./core/common/common.js");
    common.Settings.Settings.instance().moduleSetting("ui-theme").set("dark");
  })()`);
  await inspected.panel.waitForSelector('.app[data-theme="dark"] [data-query-key]');
  await inspected.panel.locator('[data-query-key=\'projectTasks["3"]\']').click();
  await inspected.devtools.screenshot({ path: resolve(root, "docs/queries-dark.png") });
  await showView(inspected.panel, "timeline");
  await inspected.panel.waitForSelector(header);
  await inspected.devtools.screenshot({ path: resolve(root, "docs/timeline-dark.png") });
  await dock(inspected.devtools);
  // Re-docking rebuilds the panel's frame.
  inspected.panel = await showPanel(inspected.devtools);
});
