/*
 * The extension in real Firefox: the demo's router cache, through the Firefox build's content
 * script and background page, into the panel page (snapshot and streamed events), and a command
 * back. The panel page runs in a plain tab, as the panel inside Firefox's DevTools toolbox is out of
 * automation's reach (see firefox-harness.ts). The toolbox itself is opened too: that its panel
 * connects to the inspected tab is seen from the page, which then receives the panel's commands.
 */
import type { Browser, Page } from "puppeteer-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchFirefox, openPanelTab, openToolboxPanel } from "./firefox-harness.ts";
import { bridgeTraffic, fetchCounts, openObservedTab, rowKeys, showView, startDemo, until } from "./harness.ts";

const port = 5330;
const url = `http://localhost:${port}/`;

let server: ViteDevServer | undefined;
let browser: Browser | undefined;
let page: Page;
let panel: Page;

beforeAll(async () => {
  server = await startDemo(port);
  browser = await launchFirefox();
  page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-fetch-key=\'projectTasks["3"]\']');
  panel = await openPanelTab(browser, url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the panel lists the demo's queries, relayed by the content script and background page", async () => {
  const keys = await until("rows for every project", async () => {
    const tasks = await rowKeys(panel.mainFrame(), "projectTasks");
    return tasks.length === 3 && tasks;
  });
  expect(keys).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]']);
  expect(await rowKeys(panel.mainFrame(), "projects")).toEqual(["projects[]"]);
});

test("revalidating one instance in the panel refetches exactly that key in the page", async () => {
  const key = 'projectTasks["2"]';
  const before = await fetchCounts(page);
  await panel.locator(`[data-query-key='${key}'] [data-action="revalidate"]`).click();
  await until("the refetch", async () => (await fetchCounts(page))[key] === before[key] + 1);
  await new Promise((r) => setTimeout(r, 500));
  expect(await fetchCounts(page)).toEqual({ ...before, [key]: before[key] + 1 });
});

test("an action in the page streams to the panel's timeline with the refetches it caused", async () => {
  await page.type("#add-task-form-1 input[name=title]", "Test in Firefox");
  await page.click("#add-task-form-1 [type=submit]");
  const frame = panel.mainFrame();
  await showView(frame, "timeline");
  const header = '[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]';
  await frame.waitForSelector(header);
  const id = await frame.$eval(header, (row) => row.getAttribute("data-action-id"));
  const refetched = await until("addTask's four refetches", async () => {
    const keys = await frame.$$eval(`[data-parent-action="${id}"][data-kind="fetch"][data-cause="revalidate"]`, (rows) =>
      rows.map((r) => r.getAttribute("data-key")!),
    );
    return keys.length === 4 && keys;
  });
  expect(refetched.sort()).toEqual(['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]', "projects[]"].sort());
});

test("Firefox's own DevTools toolbox creates the panel, which connects to the tab it inspects", async () => {
  // Another tab, which no panel inspects yet: whatever command reaches it comes from the toolbox.
  const inspectedUrl = `${url}?toolbox`;
  const inspected = await openObservedTab(browser!, inspectedUrl);
  await inspected.waitForSelector('[data-fetch-key=\'projectTasks["3"]\']');
  expect((await bridgeTraffic(inspected)).panel).toEqual([]);
  expect(await openToolboxPanel(browser!, inspectedUrl)).toMatch(/^moz-extension:\/\/.+\/panel\/index\.html$/);
  // The panel's port, named after devtools.inspectedWindow.tabId, reached this tab's content script.
  const traffic = await until("the toolbox panel's connect", async () => {
    const traffic = await bridgeTraffic(inspected);
    return traffic.panel.includes("connect") && traffic.page.includes("snapshot") && traffic;
  });
  expect(traffic.panel[0]).toBe("connect");
});
