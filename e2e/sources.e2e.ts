/*
 * Source locations on the demo, in real Chromium with the real DevTools: "defined at" opens the
 * queries file in DevTools' Sources at the `query(` line (read back from the DevTools frontend),
 * the addTask action names the form that submitted it, a revalidate button's refetches name its
 * call, and an entry's readers come and go with the route that reads it. Every location shown is
 * checked against the demo's source text.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fetchCounts, openDemo, root, showPanel, showView, until, type DemoSession, type Inspected } from "./harness.ts";

let demo: DemoSession;
let inspected: Inspected;

beforeAll(async () => {
  demo = await openDemo(5351);
  inspected = demo.inspected;
});

afterAll(() => demo?.close());

/** The demo's source text at a location the panel shows (`file:line:column`, relative to demo/). */
function sourceAt(location: string): string {
  const [, file, line, column] = /^(.+):(\d+):(\d+)$/.exec(location.trim())!;
  return readFileSync(resolve(root, "demo", file), "utf8").split("\n")[Number(line) - 1].slice(Number(column) - 1);
}

const linkText = (selector: string) => inspected.panel.$eval(selector, (el) => el.textContent ?? "");

/** What the DevTools window shows: its selected panel and, in Sources, the open file and the line of the cursor. */
const SOURCES_STATE = `(async () => {
  const ui = await import("./ui/legacy/legacy.js");
  const sources = await import("./panels/sources/sources.js");
  const view = sources.SourcesPanel.SourcesPanel.instance().sourcesView();
  const code = view.currentUISourceCode();
  const editor = view.currentSourceFrame()?.textEditor;
  const line = editor ? editor.state.doc.lineAt(editor.state.selection.main.head) : undefined;
  return {
    panel: ui.InspectorView.InspectorView.instance().tabbedPane.selectedTabId,
    url: code?.url(),
    line: line?.number,
    text: line?.text,
  };
})()`;

test("\"defined at\" on projectTasks opens the queries file in DevTools' Sources at its query( line", async () => {
  const link = '[data-query-name="projectTasks"] [data-defined-at] .source-link';
  await inspected.panel.waitForSelector(link);
  const location = await linkText(link);
  expect(location).toMatch(/^queries\.ts:\d+:\d+$/);
  expect(sourceAt(location)).toMatch(/^query\(async \(projectId: string\)/);
  await inspected.panel.click(link);
  const shown = await until("Sources showing queries.ts", async () => {
    const state = (await inspected.devtools.evaluate(SOURCES_STATE).catch(() => undefined)) as { panel?: string; url?: string; line?: number; text?: string } | undefined;
    return state?.panel === "sources" && state.url !== undefined && state.line !== undefined ? state : undefined;
  });
  // The original file (as written), not the module Vite served.
  expect(shown.url).toBe(`file://${resolve(root, "demo/queries.ts")}`);
  const line = Number(location.split(":")[1]);
  expect(shown.line).toBe(line);
  expect(shown.text).toContain("query(async (projectId: string)");
  // Back to the panel (its frame may be a new one) for the next tests.
  inspected.panel = await showPanel(inspected.devtools);
});

test("the addTask action names the form that submitted it; the revalidate button's refetches name its call", async () => {
  await inspected.page.type("#add-task-form-1 input[name=title]", "located");
  await inspected.page.click("#add-task-form-1 [type=submit]");
  await showView(inspected.panel, "timeline");
  const action = '[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]';
  await inspected.panel.waitForSelector(action);
  const submitted = await linkText(`${action} [data-submitted-at] .source-link`);
  expect(submitted).toMatch(/^components\/AddTaskForm\.tsx:\d+:\d+$/);
  expect(sourceAt(submitted)).toMatch(/^<form .*action=\{addTaskAction\}/);
  const defined = await linkText(`${action} [data-action-sources] > .source .source-link`);
  expect(sourceAt(defined)).toMatch(/^action\(async \(form: FormData\)/);

  const before = await fetchCounts(inspected.page);
  await inspected.page.click("#refetch-all-tasks");
  await until("the refetches", async () => (await fetchCounts(inspected.page))['projectTasks["3"]'] === before['projectTasks["3"]'] + 1);
  const triggers = await until("three refetches naming their trigger", async () => {
    const found = await inspected.panel.$$eval('[data-kind="fetch"][data-cause="revalidate"]:not([data-parent-action]) [data-trigger] .source-link', (links) => links.map((l) => l.textContent ?? ""));
    return found.length >= 3 ? found : undefined;
  });
  for (const trigger of triggers.slice(-3)) {
    expect(trigger).toMatch(/^components\/GlobalActions\.tsx:\d+:\d+$/);
    expect(sourceAt(trigger)).toMatch(/^revalidate\(getProjectTasksQuery\.key\)/);
  }
});

test("an entry's details list its readers with their component; leaving the route removes them", async () => {
  await showView(inspected.panel, "queries");
  const key = 'projectTasks["1"]';
  await inspected.panel.click(`[data-query-key='${key}']`);
  const reader = `[data-details-key='${key}'] [data-reader-site]`;
  await inspected.panel.waitForSelector(`${reader} .source-link`);
  const text = await linkText(reader);
  expect(text).toContain("in ProjectCard");
  const location = await linkText(`${reader} .source-link`);
  expect(location).toMatch(/^components\/ProjectCard\.tsx:\d+:\d+$/);
  expect(sourceAt(location)).toMatch(/^createAsync\(\(\) => getProjectTasksQuery\(id\(\)\)\)/);
  // The stats route reads no tasks: the projects page and its readers go.
  await inspected.page.click('nav a[href="/stats"]');
  await inspected.panel.waitForSelector(`[data-details-key='${key}'] [data-readers="none"]`);
  expect(await inspected.panel.$(reader)).toBeNull();
});
