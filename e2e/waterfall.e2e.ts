/*
 * The waterfall in the real DevTools panel on the demo: the addTask action's span holds a bar for
 * each refetch the demo's API really served, Ctrl+wheel and the keys zoom, a click on a bar selects
 * its entry in the queries view; settings survive closing DevTools; and the README's screenshots
 * (light and dark), last: re-docking rebuilds the panel's frame.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { ElementHandle } from "puppeteer-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { closeDevtools, dock, fetchCounts, openDemo, reopenDevtools, root, showView, undock, until, type DemoSession, type Inspected } from "./harness.ts";

let demo: DemoSession;
let inspected: Inspected;

beforeAll(async () => {
  demo = await openDemo(5287);
  inspected = demo.inspected;
});

afterAll(() => demo?.close());

const GROUP = '[data-wf-row="group"][data-label^="addTask #"]';
let actionId = "";

/** A bar's horizontal extent on screen, in CSS pixels. */
async function barBox(row: ElementHandle<Element>): Promise<{ left: number; right: number }> {
  const box = (await (await row.$("[data-wf-bar]"))!.boundingBox())!;
  return { left: box.x, right: box.x + box.width };
}
const windowSpan = () => inspected.panel.$eval("[data-window-span]", (el) => Number(el.getAttribute("data-window-span")));

test("the addTask action's span contains a bar for each refetch the API served", async () => {
  const before = await fetchCounts(inspected.page);
  await inspected.page.type("#add-task-form-3 input[name=title]", "Draw the waterfall");
  await inspected.page.click("#add-task-form-3 [type=submit]");
  await showView(inspected.panel, "waterfall");
  const group = (await inspected.panel.waitForSelector(`${GROUP}[data-outcome="ok"]`))!;
  actionId = (await group.evaluate((row) => row.getAttribute("data-action-id")))!;
  const children = `[data-wf-row="fetch"][data-parent-action="${actionId}"]`;
  const settled = async () => {
    const outcomes = await inspected.panel.$$eval(children, (rows) => rows.map((row) => row.getAttribute("data-outcome")));
    return outcomes.length > 0 && outcomes.every((outcome) => outcome === "ok") && outcomes.length;
  };
  await until("the refetches to settle", settled);
  await new Promise((r) => setTimeout(r, 500));
  // What the API served because of the action: one more call for each bar's key, none for any other.
  const keys = await inspected.panel.$$eval(children, (rows) => rows.map((row) => row.getAttribute("data-key")!).sort());
  const after = await fetchCounts(inspected.page);
  expect(keys.length).toBe(await settled());
  expect(after).toEqual({ ...before, ...Object.fromEntries(keys.map((key) => [key, before[key] + 1])) });
  expect(keys).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"]);
  const span = await barBox(group);
  for (const row of await inspected.panel.$$(children)) {
    const bar = await barBox(row);
    expect(bar.left).toBeGreaterThanOrEqual(span.left - 1);
    expect(bar.right).toBeLessThanOrEqual(span.right + 1);
    expect(bar.right - bar.left).toBeGreaterThan(0);
  }
});

test("hover tells exact times and cause; Ctrl+wheel zooms around the pointer; keys zoom and fit", async () => {
  const { mouse, keyboard } = inspected.devtools;
  const row = (await inspected.panel.$(`[data-wf-row="fetch"][data-parent-action="${actionId}"]`))!;
  const box = (await (await row.$("[data-wf-bar]"))!.boundingBox())!;
  await mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = await inspected.panel.waitForSelector(".wf-tooltip");
  const text = await tooltip!.evaluate((el) => el.textContent!);
  expect(text).toContain(`revalidated by action #${actionId}`);
  expect(text).toMatch(/\+\d+\.\d{3} s → \+\d+\.\d{3} s/);

  const all = await windowSpan();
  const anchorBefore = (await barBox(row)).left;
  await keyboard.down("Control");
  await mouse.wheel({ deltaY: -400 });
  await keyboard.up("Control");
  await until("the zoom", async () => (await windowSpan()) < all / 2);
  // The bar under the pointer stays under it (its start moves away from the pointer, not past it).
  const zoomed = await barBox(row);
  expect(zoomed.left).toBeLessThanOrEqual(box.x + box.width / 2 + 1);
  expect(zoomed.right).toBeGreaterThanOrEqual(box.x + box.width / 2 - 1);
  expect(zoomed.right - zoomed.left).toBeGreaterThan(box.width);
  expect(anchorBefore).toBeLessThanOrEqual(box.x + box.width / 2);

  await inspected.panel.focus('.waterfall [role="listbox"]');
  await keyboard.press("0");
  await until("fit", async () => (await windowSpan()) === all);
  await keyboard.press("+");
  await until("+ halves the window", async () => Math.abs((await windowSpan()) - all / 2) < 1);
  await keyboard.press("0");
});

test("a click on a bar selects its entry in the queries view", async () => {
  const row = (await inspected.panel.$(`[data-wf-row="fetch"][data-parent-action="${actionId}"][data-key^="projectTasks"]`))!;
  const key = (await row.evaluate((el) => el.getAttribute("data-key")))!;
  await (await row.$("[data-wf-bar]"))!.click();
  await inspected.panel.waitForSelector('[data-view="queries"][aria-selected="true"]');
  await inspected.panel.waitForSelector(`[data-query-key='${key}'].selected`);
  await inspected.panel.waitForSelector(`[data-details-key='${key}']`);
});

test("the view, a filter and preserve log are remembered when DevTools opens again", async () => {
  await showView(inspected.panel, "timeline");
  await inspected.panel.click('[data-setting="preserve-log"]');
  await inspected.panel.click('[data-kind-filter="observers"]');
  await showView(inspected.panel, "waterfall");
  await closeDevtools(inspected);
  inspected = await reopenDevtools(inspected.page);
  await inspected.panel.waitForSelector('[data-view="waterfall"][aria-selected="true"]');
  await inspected.panel.waitForSelector(".waterfall");
  await showView(inspected.panel, "timeline");
  expect(await inspected.panel.$eval('[data-setting="preserve-log"]', (box) => (box as HTMLInputElement).checked)).toBe(true);
  expect(await inspected.panel.$eval('[data-kind-filter="observers"]', (chip) => chip.getAttribute("aria-pressed"))).toBe("true");
});

test("light and dark screenshots for the README", async () => {
  await showView(inspected.panel, "waterfall");
  await inspected.panel.waitForSelector(`${GROUP}[data-outcome="ok"]`);
  mkdirSync(resolve(root, "docs"), { recursive: true });
  // The reopened window has its own size: the pictures get the first one's (no clicks follow).
  await inspected.devtools.setViewport({ width: 1280, height: 800 });
  await undock(inspected.devtools);
  await inspected.devtools.mouse.move(0, 0);
  await inspected.devtools.screenshot({ path: resolve(root, "docs/waterfall-light.png") });
  await inspected.devtools.evaluate(`(async () => {
    const common = await import("./core/common/common.js");
    common.Settings.Settings.instance().moduleSetting("ui-theme").set("dark");
  })()`);
  await inspected.panel.waitForSelector(`.app[data-theme="dark"] ${GROUP}`);
  // The panel's frame paints its new colours a little after the attribute changes.
  await inspected.panel.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await new Promise((r) => setTimeout(r, 500));
  await inspected.devtools.screenshot({ path: resolve(root, "docs/waterfall-dark.png") });
  await dock(inspected.devtools);
});
