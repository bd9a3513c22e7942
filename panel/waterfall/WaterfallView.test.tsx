/*
 * The waterfall against a real router and runtime: an action's group holds the refetches it
 * caused, inside its span; keys zoom and fit; a click selects the entry in the queries view; the
 * view and the label column's width are remembered.
 */
import { cleanup, fireEvent, render } from "@solidjs/testing-library";
import { afterEach, beforeEach, expect, test } from "vitest";
import { App } from "../App.tsx";
import { createSettings, loadSettings, parseSettings } from "../settings/settings.ts";
import { memorySettingsStorage } from "../settings/settings-storage.ts";
import { openTestPage, runAddTask, waitFor, type TestPage } from "../test-page.tsx";
import { storeHarness } from "../test-store.ts";

let page: TestPage;
beforeEach(async () => {
  page = await openTestPage();
});
afterEach(() => {
  cleanup();
  page.dispose();
});

const showWaterfall = async () => {
  render(() => <App store={page.store} theme="light" />);
  fireEvent.click(document.querySelector('[data-view="waterfall"]')!);
  await waitFor(() => !!document.querySelector(".waterfall [data-wf-row]"));
};
const groupOf = (name: string) => document.querySelector(`[data-wf-row="group"][data-label^="${name} #"]`) as HTMLElement | null;
const childrenOf = (id: string) => [...document.querySelectorAll(`[data-wf-row="fetch"][data-parent-action="${id}"]`)] as HTMLElement[];
/** A bar's place on the track, in percent. */
const placeOf = (row: Element) => {
  const bar = row.querySelector<HTMLElement>("[data-wf-bar]")!;
  const left = parseFloat(bar.style.left);
  return { left, right: left + parseFloat(bar.style.width) };
};
const span = () => Number(document.querySelector("[data-window-span]")!.getAttribute("data-window-span"));

test("an action's group holds its refetches, each bar within the action's span", async () => {
  await showWaterfall();
  await runAddTask("draw bars");
  await waitFor(() => groupOf("addTask")?.getAttribute("data-outcome") === "ok");
  const group = groupOf("addTask")!;
  const id = group.getAttribute("data-action-id")!;
  await waitFor(() => childrenOf(id).length === 4 && childrenOf(id).every((row) => row.getAttribute("data-outcome") !== "pending"));
  expect(childrenOf(id).map((row) => `${row.getAttribute("data-key")} ${row.getAttribute("data-cause")}`).sort()).toEqual([
    `broken[] revalidated by action #${id}`,
    `projects[] revalidated by action #${id}`,
    `tasks["1"] revalidated by action #${id}`,
    `tasks["2"] revalidated by action #${id}`,
  ]);
  expect(childrenOf(id).map((row) => row.getAttribute("data-outcome")).sort()).toEqual(["error", "ok", "ok", "ok"]);
  const action = placeOf(group);
  for (const child of childrenOf(id)) {
    const bar = placeOf(child);
    expect(bar.left).toBeGreaterThanOrEqual(action.left - 1e-9);
    expect(bar.right).toBeLessThanOrEqual(action.right + 1e-9);
  }
  // Its invalidation and its response are ticks on the group's row.
  expect([...group.querySelectorAll("[data-wf-tick]")].map((tick) => tick.getAttribute("data-wf-tick"))).toEqual(
    expect.arrayContaining(["invalidated", "action-response"]),
  );
});

test("+ and − zoom, ← pans, 0 fits; a click on a fetch selects it in the queries view", async () => {
  await showWaterfall();
  const list = document.querySelector('.waterfall [role="listbox"]')!;
  const all = span();
  fireEvent.keyDown(list, { key: "+" });
  expect(span()).toBeCloseTo(all / 2);
  fireEvent.keyDown(list, { key: "+" });
  expect(span()).toBeCloseTo(all / 4);
  fireEvent.keyDown(list, { key: "-" });
  expect(span()).toBeCloseTo(all / 2);
  fireEvent.keyDown(list, { key: "0" });
  expect(span()).toBe(all);

  fireEvent.click(document.querySelector('[data-wf-row="fetch"][data-key="projects[]"]')!);
  await waitFor(() => document.querySelector(".row.selected")?.getAttribute("data-query-key") === "projects[]");
  expect(document.querySelector('[data-view="queries"]')!.getAttribute("aria-selected")).toBe("true");
});

test("the keyboard walks the rows; Enter selects a fetch's entry", async () => {
  await showWaterfall();
  const list = document.querySelector('.waterfall [role="listbox"]')!;
  fireEvent.keyDown(list, { key: "Home" });
  const active = () => document.querySelector(".wf-row.active");
  await waitFor(() => !!active());
  while (active()!.getAttribute("data-wf-row") !== "fetch") fireEvent.keyDown(list, { key: "ArrowDown" });
  const key = active()!.getAttribute("data-key");
  fireEvent.keyDown(list, { key: "Enter" });
  await waitFor(() => document.querySelector(".row.selected")?.getAttribute("data-query-key") === key);
});

test("the view and the label column's width are remembered for the next panel", async () => {
  const storage = memorySettingsStorage();
  const first = await loadSettings(storage);
  render(() => <App store={page.store} theme="light" settings={first} />);
  fireEvent.click(document.querySelector('[data-view="waterfall"]')!);
  await waitFor(() => !!document.querySelector('[data-resize="waterfall-labels"]'));
  fireEvent.keyDown(document.querySelector('[data-resize="waterfall-labels"]')!, { key: "ArrowRight" });
  const stored = () => storage.stored as { view: string; panes: { waterfallLabels: number } } | undefined;
  await waitFor(() => stored()?.view === "waterfall" && stored()?.panes.waterfallLabels === 260);
  cleanup();
  const second = await loadSettings(storage);
  render(() => <App store={page.store} theme="light" settings={second} />);
  await waitFor(() => !!document.querySelector(".waterfall"));
  expect((document.querySelector(".waterfall") as HTMLElement).style.getPropertyValue("--wf-label")).toBe("260px");
});

// Its body (ruler, label column, list) is mounted from the start, hidden under the message; the
// first events fill that same list.
test("opened on the waterfall before any event, it draws them as they come", async () => {
  const harness = storeHarness();
  render(() => <App store={harness.store} theme="light" settings={createSettings(undefined, parseSettings({ view: "waterfall" }))} />);
  expect(document.querySelector(".waterfall .empty")!.textContent).toBe("No events yet.");
  const list = document.querySelector('.waterfall [role="listbox"]');
  const body = list?.closest(".wf-body");
  expect(body?.querySelector(".wf-ruler")).toBeTruthy();
  expect(body?.closest(".empty-cover")!.hasAttribute("data-empty")).toBe(true);
  harness.snapshot([], [{ seq: 1, time: 1_000, kind: "fetch-start", key: "a[]", fetchId: 1, cause: "initial" }]);
  harness.batch([{ seq: 2, time: 1_200, kind: "fetch-settle", key: "a[]", fetchId: 1, ok: true, ms: 200 }]);
  await waitFor(() => document.querySelector('[data-wf-row="fetch"][data-key="a[]"]')?.getAttribute("data-outcome") === "ok");
  expect(document.querySelector('.waterfall [role="listbox"]')).toBe(list);
  expect(body!.closest(".empty-cover")!.hasAttribute("data-empty")).toBe(false);
  expect(document.querySelector(".waterfall .empty")).toBeNull();
  fireEvent.input(document.querySelector('[data-setting="waterfall-filter"]')!, { target: { value: "nothing matches this" } });
  await waitFor(() => document.querySelector(".waterfall .empty")?.textContent === "No fetches match the filter.");
  expect(document.querySelector('.waterfall [role="listbox"]')).toBe(list);
});
