/*
 * The demo with the in-page overlay, shared by the Chromium and Firefox overlay tests: its dev
 * server (the demo's own app with `queryDevtools({ overlay: true })`), selectors that reach into
 * the overlay's shadow root, and the checks both browsers must pass: keys listed, one
 * revalidation = one fetch, an action grouped with its refetches.
 */
import { resolve } from "node:path";
import type { Page } from "puppeteer-core";
import { queryDevtools } from "solid-query-devtools/vite";
import { createServer, type ViteDevServer } from "vite";
import solid from "vite-plugin-solid";
import { expect } from "vitest";
import { fetchCounts, root, until } from "./harness.ts";

export const DEMO_KEYS = ['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"];

export async function startOverlayDemo(port: number): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root: resolve(root, "demo"),
    plugins: [solid(), queryDevtools({ overlay: true })],
    server: { port, strictPort: true },
    logLevel: "warn",
  });
  await server.listen();
  return server;
}

/** Inside the overlay's shadow root. */
export const inOverlay = (selector: string) => `[data-solid-query-devtools] >>> ${selector}`;

/** Waits for `selector` in the overlay (waitForSelector's mutation observer does not see into shadow roots). */
export const waitInOverlay = (page: Page, selector: string) => until(selector, async () => (await page.$(inOverlay(selector))) ?? undefined, 20_000);

export const overlayRowKeys = (page: Page) => page.$$eval(inOverlay("[data-query-key]"), (rows) => rows.map((row) => row.getAttribute("data-query-key")!).sort());

export async function expectDemoKeys(page: Page): Promise<void> {
  await until("every project's row", async () => (await overlayRowKeys(page)).length === DEMO_KEYS.length);
  expect(await overlayRowKeys(page)).toEqual(DEMO_KEYS);
}

/** A click on `key`'s ↻ in the overlay refetches that key once and nothing else (the demo's own counts). */
export async function expectOneRefetch(page: Page, key: string): Promise<void> {
  const before = await fetchCounts(page);
  await page.click(inOverlay(`[data-query-key='${key}'] [data-action="revalidate"]`));
  await until("the refetch", async () => (await fetchCounts(page))[key] === before[key] + 1);
  await new Promise((r) => setTimeout(r, 500));
  expect(await fetchCounts(page)).toEqual({ ...before, [key]: before[key] + 1 });
}

/** Submits an addTask in the demo; the overlay's timeline groups the action with its four refetches. */
export async function expectAddTaskGroup(page: Page, title: string): Promise<void> {
  await page.click(inOverlay('[data-view="timeline"]'));
  await waitInOverlay(page, ".timeline");
  await page.type("#add-task-form-1 input[name=title]", title);
  await page.click("#add-task-form-1 [type=submit]");
  const header = inOverlay('[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]');
  await until("the addTask group", async () => (await page.$(header)) ?? undefined, 20_000);
  const id = await page.$eval(header, (row) => row.getAttribute("data-action-id"));
  const refetched = await until("addTask's refetches", async () => {
    const keys = await page.$$eval(inOverlay(`[data-parent-action="${id}"][data-kind="fetch"][data-cause="revalidate"]`), (rows) =>
      rows.map((row) => row.getAttribute("data-key")!),
    );
    return keys.length === DEMO_KEYS.length ? keys : undefined;
  });
  expect(refetched.sort()).toEqual(DEMO_KEYS);
}
