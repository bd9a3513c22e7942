/*
 * An entry's details against a real router and runtime over an in-memory bridge: edit its value as
 * JSON, see what changed, simulate loading and restore.
 */
import { cleanup, fireEvent, render } from "@solidjs/testing-library";
import { afterEach, beforeEach, expect, test } from "vitest";
import { App } from "../App.tsx";
import { calls, openTestPage, waitFor, type TestPage } from "../test-page.tsx";

const KEY = 'tasks["1"]';
let page: TestPage;
beforeEach(async () => {
  page = await openTestPage();
  render(() => <App store={page.store} theme="light" />);
  await waitFor(() => document.querySelector(`[data-query-key='${KEY}']`) !== null);
  fireEvent.click(document.querySelector(`[data-query-key='${KEY}']`)!);
  await waitFor(() => document.querySelector(`[data-details-key='${KEY}']`) !== null);
});
afterEach(() => {
  cleanup();
  page.dispose();
});

const $ = (selector: string) => document.querySelector(`[data-details-key='${KEY}'] ${selector}`) as HTMLElement | null;

test("edit the value as JSON: the app shows it, nothing is fetched, and the change is listed", async () => {
  const fetched = calls.length;
  fireEvent.click($('[data-action="edit-value"]')!);
  await waitFor(() => $('[data-editor="json"]') !== null);
  expect(JSON.parse(($('[data-editor="json"]') as HTMLTextAreaElement).value)).toEqual(["task of 1"]);
  fireEvent.input($('[data-editor="json"]')!, { target: { value: '["edited", "added"]' } });
  fireEvent.click($('[data-action="save-value"]')!);
  await waitFor(() => document.body.textContent!.includes("edited,added"));
  await waitFor(() => $('[data-change="changed"][data-path="[0]"]') !== null);
  expect($('[data-change="added"][data-path="[1]"]')).not.toBeNull();
  expect($("[data-changes]")!.textContent).toContain("devtools edit");
  expect(calls.length).toBe(fetched);
});

test("an edit that is not JSON is refused in the panel, before it is sent", async () => {
  fireEvent.click($('[data-action="edit-value"]')!);
  await waitFor(() => $('[data-editor="json"]') !== null);
  fireEvent.input($('[data-editor="json"]')!, { target: { value: "[oops" } });
  fireEvent.click($('[data-action="save-value"]')!);
  expect($('[data-refused="set-value"]')!.textContent).toMatch(/^not JSON/);
});

test("simulate loading, then restore", async () => {
  const fetched = calls.length;
  fireEvent.click($('[data-action="simulate-pending"]')!);
  await waitFor(() => $('[data-fact="status"]')!.textContent!.includes("pending (simulated by devtools)"));
  fireEvent.click($('[data-action="restore"]')!);
  await waitFor(() => $('[data-fact="status"]')!.textContent!.startsWith("ready"));
  expect($('[data-action="restore"]')).toBeNull();
  expect(calls.length).toBe(fetched);
});
