/*
 * The timeline against a real router and runtime: actions group what they caused.
 */
import { cleanup, fireEvent, render } from "@solidjs/testing-library";
import { afterEach, beforeEach, expect, test } from "vitest";
import { App } from "../App.tsx";
import { createSettings, parseSettings } from "../settings/settings.ts";
import { openTestPage, runAddTask, runRename, waitFor, type TestPage } from "../test-page.tsx";

let page: TestPage;
beforeEach(async () => {
  page = await openTestPage();
  render(() => <App store={page.store} theme="dark" />);
  await waitFor(() => document.querySelectorAll("[data-query-key]").length === 4);
  fireEvent.click(document.querySelector('[data-view="timeline"]')!);
});
afterEach(() => {
  cleanup();
  page.dispose();
});

const childrenOf = (id: string) =>
  [...document.querySelectorAll(`[data-parent-action="${id}"][data-kind="fetch"]`)].map((row) => `${row.getAttribute("data-key")} ${row.getAttribute("data-cause")}`);

// A default action revalidates everything: its group holds a refetch of every active query.
test("an action groups the refetches it caused", async () => {
  await runAddTask("write tests");
  const header = await waitFor(() => !!document.querySelector('[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]')).then(
    () => document.querySelector('[data-kind="action"][data-action-name="addTask"]')!,
  );
  const id = header.getAttribute("data-action-id")!;
  await waitFor(() => childrenOf(id).length === 4);
  expect(childrenOf(id).sort()).toEqual(["broken[] revalidate", "projects[] revalidate", 'tasks["1"] revalidate', 'tasks["2"] revalidate']);
  // Each successful refetch says its value was stored; the failing one does not.
  const stored = () =>
    [...document.querySelectorAll(`[data-parent-action="${id}"][data-kind="fetch"]`)].filter((row) => row.textContent!.includes("value stored")).map((row) => row.getAttribute("data-key"));
  await waitFor(() => stored().length === 3);
  expect(stored().sort()).toEqual(["projects[]", 'tasks["1"]', 'tasks["2"]']);
  expect(document.querySelector(`[data-summary-of="${id}"]`)!.textContent).toBe("revalidates all active queries (default)");
  expect(header.textContent).toContain('→ {added: "write tests"}');
});

// The action's response invalidated every entry in one walk: one line, its first keys as links, the rest counted.
test("an action's invalidation is one line listing its keys", async () => {
  await runAddTask("one line");
  await waitFor(() => !!document.querySelector('[data-action-name="addTask"][data-outcome="ok"]'));
  const id = document.querySelector('[data-action-name="addTask"]')!.getAttribute("data-action-id")!;
  const line = () => document.querySelector(`[data-parent-action="${id}"][data-kind="invalidated"]`)!;
  expect(document.querySelectorAll(`[data-parent-action="${id}"][data-kind="invalidated"]`).length).toBe(1);
  const links = () => [...line().querySelectorAll(".key-link")].map((link) => link.textContent);
  expect(links()).toHaveLength(3);
  expect(line().querySelector("[data-more-keys]")!.textContent).toBe("+1 more");
  expect(line().textContent).toContain("4 entries marked stale");
  // Filtered by a key, that key comes first: it is why the line is shown.
  const last = line().querySelector("[data-more-keys]")!.getAttribute("title")!;
  fireEvent.input(document.querySelector('[data-setting="timeline-filter"]')!, { target: { value: last } });
  await waitFor(() => links()[0] === last);
  fireEvent.click(line().querySelector(".key-link")!);
  await waitFor(() => document.querySelector(".row.selected")?.getAttribute("data-query-key") === last);
});

// json(…, { revalidate }) names one key: only it is refetched, and the summary says so.
test("a revalidate list refetches only its keys", async () => {
  await runRename("2");
  await waitFor(() => !!document.querySelector('[data-action-name="renameProject"][data-outcome="ok"]'));
  const id = document.querySelector('[data-action-name="renameProject"]')!.getAttribute("data-action-id")!;
  await waitFor(() => childrenOf(id).length === 1);
  expect(childrenOf(id)).toEqual(['tasks["2"] revalidate']);
  expect(document.querySelector(`[data-summary-of="${id}"]`)!.textContent).toMatch(/^revalidates tasks\["2"\] \(X-Revalidate\) · by panel\/test-page\.tsx:\d+:\d+$/);
});

// Filtering by key keeps the actions that touched it; kind chips hide whole kinds.
test("filters by key and kind", async () => {
  await runRename("2");
  await waitFor(() => !!document.querySelector('[data-action-name="renameProject"][data-outcome="ok"]'));
  fireEvent.input(document.querySelector('[data-setting="timeline-filter"]')!, { target: { value: "projects[]" } });
  await waitFor(() => !document.querySelector('[data-action-name="renameProject"]'));
  expect([...document.querySelectorAll('[data-kind="fetch"]')].every((row) => row.getAttribute("data-key") === "projects[]")).toBe(true);
  fireEvent.click(document.querySelector('[data-kind-filter="fetches"]')!);
  await waitFor(() => !document.querySelector('[data-kind="fetch"]'));
});

// Export, then import: the read-only view shows the same entries and events, commands disabled.
test("export and import round trip", async () => {
  await runAddTask("export me");
  await waitFor(() => !!document.querySelector('[data-action-name="addTask"][data-outcome="ok"]'));
  const session = JSON.parse(JSON.stringify(await page.store.exportSession()));
  // The export asked the page for every value, not only the watched ones batches carry.
  expect(session.entries.filter((e: { valueOmitted?: true }) => e.valueOmitted)).toEqual([]);
  expect(session.entries.filter((e: { value?: unknown }) => e.value).map((e: { key: string }) => e.key).sort()).toEqual(["projects[]", 'tasks["1"]', 'tasks["2"]']); // broken has none
  page.store.importSession(session);
  await waitFor(() => !!document.querySelector('[data-notice="read-only"]'));
  expect(document.querySelectorAll('[data-action-name="addTask"]').length).toBe(1);
  expect((document.querySelector('[data-action="revalidate"][data-scope="all"]') as HTMLButtonElement).disabled).toBe(true);
  expect([...page.store.entries().keys()].sort()).toEqual(session.entries.map((e: { key: string }) => e.key).sort());
  fireEvent.click(document.querySelector('[data-action="back-to-live"]')!);
  await waitFor(() => !document.querySelector('[data-notice="read-only"]') && page.store.entries().size === 4);
});

// A view that throws says so in place of the view; the other view still works.
test("a failing view shows its error, and the queries view still works", async () => {
  fireEvent.click(document.querySelector('[data-view="queries"]')!);
  const log = page.store.log;
  page.store.log = () => {
    throw new Error("log unreadable");
  };
  fireEvent.click(document.querySelector('[data-view="timeline"]')!);
  await waitFor(() => !!document.querySelector('[data-notice="view-error"]'));
  expect(document.querySelector('[data-notice="view-error"]')!.textContent).toContain("log unreadable");
  page.store.log = log;
  fireEvent.click(document.querySelector('[data-notice="view-error"] button')!);
  await waitFor(() => !!document.querySelector(".timeline"));
  fireEvent.click(document.querySelector('[data-view="queries"]')!);
  await waitFor(() => document.querySelectorAll("[data-query-key]").length === 4);
});

// Shown before the page has sent anything, the list is already mounted, hidden under the message;
// the first snapshot fills that same list.
test("before the snapshot: the message over a hidden empty list; the snapshot's events then fill that list", async () => {
  cleanup();
  page.dispose();
  let list: Element | null = null;
  page = await openTestPage((store) => {
    render(() => <App store={store} theme="dark" settings={createSettings(undefined, parseSettings({ view: "timeline" }))} />);
    expect(document.querySelector(".timeline .empty")!.textContent).toBe("No events yet.");
    list = document.querySelector('.timeline [role="listbox"]');
    expect(list?.closest(".empty-cover")!.hasAttribute("data-empty")).toBe(true);
  });
  await waitFor(() => !!document.querySelector('.timeline [data-kind="fetch"][data-key="projects[]"]'));
  expect(document.querySelector('.timeline [role="listbox"]')).toBe(list);
  expect(list!.closest(".empty-cover")!.hasAttribute("data-empty")).toBe(false);
  expect(document.querySelector(".timeline .empty")).toBeNull();
});
