/*
 * Source locations in the panel, against a real router and runtime over an in-memory bridge: each
 * location shown is read back from the test page's source; a session keeps them as text; a site
 * the page never named is "unknown". Clicking (no DevTools API here) asks the page for the editor.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { query } from "@solidjs/router";
import { cleanup, fireEvent, render } from "@solidjs/testing-library";
import { afterEach, beforeEach, expect, test } from "vitest";
import { createWallPair } from "../../bridge/wall.ts";
import { App } from "../App.tsx";
import { createPanelStore } from "../store.ts";
import { getTasks, openTestPage, runAddTask, waitFor, type TestPage } from "../test-page.tsx";

let page: TestPage;
beforeEach(async () => {
  page = await openTestPage();
});
afterEach(() => {
  cleanup();
  page.dispose();
});

/** The test page's source at a location the panel shows (`panel/test-page.tsx:line:column`). */
function sourceAt(location: string | null | undefined): string {
  const [, file, line, column] = /^(.+):(\d+):(\d+)$/.exec(location ?? "")!;
  return readFileSync(resolve(import.meta.dirname, "../..", file), "utf8").split("\n")[Number(line) - 1].slice(Number(column) - 1);
}
const text = (selector: string) => document.querySelector(selector)?.textContent;

test("groups and details say where the query is defined and who reads it", async () => {
  render(() => <App store={page.store} theme="light" />);
  await waitFor(() => !!document.querySelector('[data-query-name="tasks"] [data-defined-at] .source-link'));
  expect(sourceAt(text('[data-query-name="tasks"] [data-defined-at] .source-link'))).toMatch(/^query\(async \(id: string\)/);
  fireEvent.click(document.querySelector(`[data-query-key='tasks["1"]']`)!);
  await waitFor(() => !!document.querySelector("[data-reader-site] .source-link"));
  expect(text("[data-reader-site]")).toContain("in Tasks");
  expect(sourceAt(text("[data-reader-site] .source-link"))).toMatch(/^createAsync\(\(\) => getTasks\(props\.id\)\)/);
  expect(sourceAt(text('[data-fact="defined-at"] .source-link'))).toMatch(/^query\(async \(id: string\)/);
});

test("the timeline names an action's definition and the useAction that ran it", async () => {
  render(() => <App store={page.store} theme="light" />);
  await runAddTask("t");
  fireEvent.click(document.querySelector('[data-view="timeline"]')!);
  await waitFor(() => !!document.querySelector('[data-action-name="addTask"] [data-submitted-at] .source-link'));
  expect(sourceAt(text('[data-action-name="addTask"] [data-submitted-at] .source-link'))).toMatch(/^useAction\(addTask\)/);
  expect(sourceAt(text('[data-action-name="addTask"] [data-action-sources] > .source .source-link'))).toMatch(/^action\(async \(title: string\)/);
});

test("the timeline names the app's query.set and query.delete calls and the link whose hover preloaded a query", async () => {
  render(() => <App store={page.store} theme="light" />);
  fireEvent.click(document.querySelector('[data-view="timeline"]')!);
  query.set(getTasks.keyFor("1"), ["set by the app"]);
  query.delete(getTasks.keyFor("2"));
  document.querySelector("a")!.dispatchEvent(new MouseEvent("mousemove", { bubbles: true }));
  const trigger = (selector: string) => text(`${selector} [data-trigger] .source-link`);
  await waitFor(() => !!trigger('[data-kind="value-set"]') && !!trigger('[data-kind="entry-removed"]') && !!trigger('[data-kind="fetch"][data-cause="preload"]'));
  expect(sourceAt(trigger('[data-kind="value-set"]'))).toMatch(/^query\.set\(getTasks\.keyFor\("1"\)/);
  expect(sourceAt(trigger('[data-kind="entry-removed"]'))).toMatch(/^query\.delete\(getTasks\.keyFor\("2"\)\)/);
  expect(document.querySelector('[data-kind="fetch"][data-cause="preload"]')!.getAttribute("data-key")).toBe(getTasks.keyFor("3"));
  expect(sourceAt(trigger('[data-kind="fetch"][data-cause="preload"]'))).toMatch(/^<A href="\/projects\/3">/);
});

test("a click asks the page to open the editor; an exported session keeps locations as text", async () => {
  const [mine] = createWallPair();
  const session = await page.store.exportSession();
  const tasks = session.entries.find((entry) => entry.key === 'tasks["1"]')!;
  const site = session.sites!.find((known) => known.id === tasks.definedAt)!;
  expect(site).toMatchObject({ kind: "query", file: "panel/test-page.tsx", name: "tasks" });
  expect(site.source).toBeUndefined();

  const store = createPanelStore(mine);
  store.importSession(JSON.parse(JSON.stringify(session)));
  render(() => <App store={store} theme="light" />);
  await waitFor(() => !!document.querySelector('[data-query-name="tasks"] [data-defined-at] .source-text'));
  expect(sourceAt(text('[data-query-name="tasks"] [data-defined-at] .source-text'))).toMatch(/^query\(/);
  cleanup();

  render(() => <App store={page.store} theme="light" />);
  const opened: unknown[] = [];
  const stop = page.hook.openInEditor;
  page.hook.openInEditor = (id) => opened.push(id);
  try {
    await waitFor(() => !!document.querySelector('[data-query-name="tasks"] [data-defined-at] .source-link'));
    fireEvent.click(document.querySelector('[data-query-name="tasks"] [data-defined-at] .source-link')!);
    await waitFor(() => opened.length === 1);
    expect(opened).toEqual([tasks.definedAt]);
  } finally {
    page.hook.openInEditor = stop;
  }
});

test("a site the page never named shows as unknown", async () => {
  const [mine] = createWallPair();
  const store = createPanelStore(mine);
  store.importSession({ format: "solid-query-devtools-session", version: 1, exportedAt: 0, entries: [{ key: "q[]", query: "q", status: "ready", updatedAt: 1, createdAt: 1, intent: "initial", observers: 0, fetches: 1, hydrated: false, definedAt: 42 }], events: [] });
  render(() => <App store={store} theme="light" />);
  await waitFor(() => !!document.querySelector('[data-query-name="q"] [data-defined-at]'));
  expect(text('[data-query-name="q"] [data-defined-at]')).toBe("unknown");
});
