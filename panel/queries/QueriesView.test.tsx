/*
 * The queries view against a real router and runtime over an in-memory bridge.
 */
import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, beforeEach, expect, test } from "vitest";
import { App } from "../App.tsx";
import { calls, openTestPage, waitFor, type TestPage } from "../test-page.tsx";

let page: TestPage;
beforeEach(async () => {
  page = await openTestPage();
  render(() => <App store={page.store} theme="light" />);
  await waitFor(() => document.querySelectorAll("[data-query-key]").length === 4);
});
afterEach(() => {
  cleanup();
  page.dispose();
});

const keys = () => [...document.querySelectorAll("[data-query-key]")].map((row) => row.getAttribute("data-query-key"));
const row = (key: string) => document.querySelector(`[data-query-key='${key}']`) as HTMLElement;

// Entries are grouped under their query with status, observers and fetch count.
test("groups instances under their query", () => {
  expect([...document.querySelectorAll("[data-query-name]")].map((g) => g.getAttribute("data-query-name"))).toEqual(["broken", "projects", "tasks"]);
  expect(keys()).toEqual(["broken[]", "projects[]", 'tasks["1"]', 'tasks["2"]']);
  expect(row("broken[]").getAttribute("data-status")).toBe("error");
  expect(row('tasks["1"]').textContent).toContain("1 obs");
  expect(screen.getByText(/4 entries in 3 queries/)).toBeTruthy();
});

// Text and status filters narrow the rows; the summary counts every status.
test("filters by text and status", async () => {
  fireEvent.input(screen.getByPlaceholderText(/Filter keys/), { target: { value: "tasks" } });
  await waitFor(() => keys().length === 2);
  expect(keys()).toEqual(['tasks["1"]', 'tasks["2"]']);
  fireEvent.input(screen.getByPlaceholderText(/Filter keys/), { target: { value: "" } });
  const errorChip = document.querySelector('[data-status-filter="error"]') as HTMLElement;
  expect(errorChip.textContent).toBe("error 1");
  fireEvent.click(errorChip);
  await waitFor(() => keys().length === 1);
  expect(keys()).toEqual(["broken[]"]);
});

// An update of an entry reaches its row in place: the same DOM, new figures. A reorder moves the row, not re-renders it.
test("rows update in place", async () => {
  const before = row('tasks["2"]');
  page.store.revalidate(['tasks["2"]']);
  await waitFor(() => row('tasks["2"]')?.textContent?.includes("2 ⇣") ?? false);
  expect(row('tasks["2"]')).toBe(before);
  fireEvent.change(document.querySelector('[data-setting="sort"]')!, { target: { value: "fetches" } });
  await waitFor(() => keys()[0] === 'tasks["2"]');
  expect(row('tasks["2"]')).toBe(before);
  expect(document.querySelector('[data-query-name="tasks"]')!.textContent).toContain("2 instances");
});

// Sorting by fetch count puts the most fetched query first.
test("sorts by fetch count", async () => {
  page.store.revalidate(['tasks["2"]']);
  await waitFor(() => row('tasks["2"]')?.textContent?.includes("2 ⇣") ?? false);
  fireEvent.change(document.querySelector('[data-setting="sort"]')!, { target: { value: "fetches" } });
  await waitFor(() => keys()[0] === 'tasks["2"]');
  expect(keys()).toEqual(['tasks["2"]', 'tasks["1"]', "broken[]", "projects[]"]);
});

// Keyboard: arrows move the selection, `r` revalidates the selected row through the router.
test("keyboard revalidate", async () => {
  const list = document.querySelector('[role="listbox"]') as HTMLElement;
  list.focus();
  // rows: broken, broken[], projects, projects[], tasks, tasks["1"], tasks["2"]
  for (let i = 0; i < 6; i++) fireEvent.keyDown(list, { key: "ArrowDown" });
  await waitFor(() => row('tasks["1"]').classList.contains("selected"));
  const before = calls.filter((c) => c === "tasks 1").length;
  fireEvent.keyDown(list, { key: "r" });
  await waitFor(() => calls.filter((c) => c === "tasks 1").length === before + 1);
  expect(calls.filter((c) => c === "tasks 2").length).toBe(1);
  fireEvent.keyDown(list, { key: "End" });
  await waitFor(() => row('tasks["2"]').classList.contains("selected"));
});

// Details show the value and the fetch history; invalidate marks stale without refetching; delete removes.
test("details, invalidate, delete", async () => {
  fireEvent.click(row('tasks["1"]'));
  const details = await waitFor(() => !!document.querySelector("[data-details-key]")).then(() => document.querySelector("[data-details-key]")!);
  expect(details.textContent).toContain('"task of 1"');
  expect(details.querySelectorAll("[data-fetch-id]").length).toBe(1);
  const fetched = calls.length;
  fireEvent.click(details.querySelector('[data-action="invalidate"]')!);
  await waitFor(() => row('tasks["1"]').getAttribute("data-status") === "stale");
  expect(calls.length).toBe(fetched);
  fireEvent.click(details.querySelector('[data-action="delete"]')!);
  await waitFor(() => !row('tasks["1"]'));
});

// Shown before the page has sent anything, the list is already mounted, hidden under the message;
// the first snapshot fills that same list.
test("before the snapshot: the message over a hidden empty list; the snapshot's rows then fill that list", async () => {
  cleanup();
  page.dispose();
  let list: Element | null = null;
  page = await openTestPage((store) => {
    render(() => <App store={store} theme="light" />);
    expect(document.querySelector(".empty")!.textContent).toBe("No query entries yet: the page has not called a query.");
    list = document.querySelector('[role="listbox"]');
    expect(list?.closest(".empty-cover")!.hasAttribute("data-empty")).toBe(true);
  });
  await waitFor(() => document.querySelectorAll("[data-query-key]").length === 4);
  expect(document.querySelector('[role="listbox"]')).toBe(list);
  expect(list!.closest(".empty-cover")!.hasAttribute("data-empty")).toBe(false);
  expect(document.querySelector(".empty")).toBeNull();
  fireEvent.input(screen.getByPlaceholderText(/Filter keys/), { target: { value: "nothing matches this" } });
  await waitFor(() => document.querySelector(".empty")?.textContent === "No entries match the filter.");
  expect(document.querySelector('[role="listbox"]')).toBe(list);
});
