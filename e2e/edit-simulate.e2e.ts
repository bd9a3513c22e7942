/*
 * Editing a cached value and simulating loading and error from the real panel, on the demo in
 * real Chromium: each goes through the router's real cache, so the demo's own components show it
 * (the new title, its error boundary, its Suspense fallback), and nothing is fetched for it (the
 * demo's own API call counts).
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { fetchCounts, openDemo, showView, until, type DemoSession, type Inspected } from "./harness.ts";

let demo: DemoSession;
let inspected: Inspected;

beforeAll(async () => {
  demo = await openDemo(5283);
  inspected = demo.inspected;
});

afterAll(() => demo?.close());

const PROJECTS = "projects[]";
const TASKS_1 = 'projectTasks["1"]';

async function openDetails(key: string): Promise<string> {
  await showView(inspected.panel, "queries");
  await inspected.panel.locator(`[data-query-key='${key}']`).click();
  const details = `[data-details-key='${key}']`;
  await inspected.panel.waitForSelector(details);
  return details;
}

/** Sets a text field's value as typing would (one input event). */
async function fill(selector: string, text: string): Promise<void> {
  await inspected.panel.$eval(
    selector,
    (field, value) => {
      (field as HTMLInputElement | HTMLTextAreaElement).value = value;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    },
    text,
  );
}

const pageHas = (selector: string) => inspected.page.$(selector).then((found) => found !== null);

test("edit a field of projects[] as JSON: the demo shows the new title, nothing is refetched, and the change is listed", async () => {
  const before = await fetchCounts(inspected.page);
  const details = await openDetails(PROJECTS);
  await fill(`${details} [data-setting="edit-path"]`, "0.name");
  await inspected.panel.click(`${details} [data-action="edit-value"]`);
  const editor = `${details} [data-editor="json"]`;
  await inspected.panel.waitForSelector(editor);
  expect(JSON.parse(await inspected.panel.$eval(editor, (field) => (field as HTMLTextAreaElement).value))).toBe("Website redesign");
  await fill(editor, '"Edited in devtools"');
  await inspected.panel.click(`${details} [data-action="save-value"]`);

  await inspected.page.waitForFunction(() => document.querySelector('[data-project="1"] h2')?.textContent?.includes("Edited in devtools"));
  await inspected.panel.waitForSelector(`${details} [data-change="changed"][data-path="[0].name"]`);
  expect(await inspected.panel.$eval(`${details} [data-changes]`, (list) => list.textContent)).toMatch(/devtools edit[\s\S]*Website redesign[\s\S]*→[\s\S]*Edited in devtools/);
  await new Promise((r) => setTimeout(r, 400));
  expect(await fetchCounts(inspected.page)).toEqual(before);

  await showView(inspected.panel, "timeline");
  const timeline = await inspected.panel.$eval(".timeline", (el) => el.textContent ?? "");
  expect(timeline).toContain("value set by devtools");
  expect(timeline).toContain("re-read the value devtools set, no fetch");
});

test("simulate an error on projectTasks[\"1\"]: the demo's error boundary shows; restore: its tasks again, never fetched", async () => {
  const before = await fetchCounts(inspected.page);
  const details = await openDetails(TASKS_1);
  await inspected.panel.click(`${details} [data-action="simulate-error"]`);
  await inspected.page.waitForSelector('[data-tasks-error="1"]');
  expect(await inspected.page.$eval('[data-tasks-error="1"]', (el) => el.textContent)).toContain("Simulated by Solid Query Devtools");
  // The other projects' tasks are untouched.
  expect(await pageHas('[data-tasks-of="2"]')).toBe(true);
  await inspected.panel.waitForSelector(`[data-query-key='${TASKS_1}'][data-status="error"]`);
  expect(await inspected.panel.$eval(`${details} [data-fact="status"]`, (el) => el.textContent)).toContain("simulated");

  await inspected.panel.click(`${details} [data-action="restore"]`);
  await inspected.page.waitForSelector('[data-tasks-of="1"] [data-task-id]');
  expect(await pageHas('[data-tasks-error="1"]')).toBe(false);
  await inspected.panel.waitForSelector(`[data-query-key='${TASKS_1}'][data-status="ready"]`);
  await new Promise((r) => setTimeout(r, 400));
  expect(await fetchCounts(inspected.page)).toEqual(before);
});

test("simulate loading on projectTasks[\"1\"]: the demo's Suspense fallback shows until restored", async () => {
  const before = await fetchCounts(inspected.page);
  const details = await openDetails(TASKS_1);
  await inspected.panel.click(`${details} [data-action="simulate-pending"]`);
  await inspected.page.waitForSelector('[data-tasks-loading="1"]');
  await inspected.panel.waitForSelector(`[data-query-key='${TASKS_1}'][data-status="pending"]`);
  // Still loading a while later: the simulated promise never settles by itself.
  await new Promise((r) => setTimeout(r, 500));
  expect(await pageHas('[data-tasks-loading="1"]')).toBe(true);

  await inspected.panel.click(`${details} [data-action="restore"]`);
  await inspected.page.waitForSelector('[data-tasks-of="1"] [data-task-id]');
  expect(await pageHas('[data-tasks-loading="1"]')).toBe(false);
  expect(await fetchCounts(inspected.page)).toEqual(before);

  await showView(inspected.panel, "timeline");
  await until("the simulation lines", async () => {
    const timeline = await inspected.panel.$eval(".timeline", (el) => el.textContent ?? "");
    return timeline.includes("simulated loading by devtools") && timeline.includes("restored by devtools");
  });
});
