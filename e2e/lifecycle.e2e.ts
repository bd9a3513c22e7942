/*
 * Lifecycle in real Chromium (issue 5): the service worker stopped by the browser, page reloads and
 * navigations (with and without "preserve log"), DevTools closed and opened again, two inspected
 * tabs at once, and a page without the runtime. Each test opens its own tabs and closes them.
 */
import type { Server } from "node:http";
import type { Browser, Frame, Page } from "puppeteer-core";
import type { ViteDevServer } from "vite";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import {
  allRowKeys,
  bridgeTraffic,
  closeDevtools,
  fetchCounts,
  isExtensionWorker,
  launchBrowser,
  markers,
  openObservedTab,
  panelFor,
  reopenDevtools,
  rowKeys,
  setPreserveLog,
  showOnlyKinds,
  showView,
  startDemo,
  startStaticServer,
  stopServiceWorkers,
  until,
} from "./harness.ts";

const port = 5277;
const plainPort = 5278;
const demo = `http://localhost:${port}`;
const plainUrl = `http://localhost:${plainPort}/plain.html`;
let server: ViteDevServer;
let plain: Server;
let browser: Browser;
/** Tabs a test opened: closed after it, so every test starts from one blank tab. */
const opened: Page[] = [];

beforeAll(async () => {
  server = await startDemo(port);
  plain = await startStaticServer(plainPort, {
    "/plain.html": "<!doctype html><title>Plain page</title><h1 id=plain>No Solid Router here</h1>",
  });
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close().catch(() => {})));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((done) => plain?.close(done));
});

async function open(url: string) {
  const page = await openObservedTab(browser, url);
  opened.push(page);
  return panelFor(browser, page);
}

const PROJECT_TASKS = ['projectTasks["1"]', 'projectTasks["2"]', 'projectTasks["3"]'];

/** The panel remembers its view and "preserve log" across DevTools sessions: each test sets what it reads. */
async function waitForHome(panel: Frame, page: Page) {
  await showView(panel, "queries");
  await page.waitForSelector(`[data-fetch-key='projectTasks["3"]']`);
  await until("the home page's rows", async () => (await rowKeys(panel, "projectTasks")).length === 3);
}

/** The fetch count the panel shows for `key` (the runtime's own count, sent with each batch). */
const panelFetches = (panel: Frame, key: string) =>
  panel.$eval(`[data-query-key='${key}'] [title="fetches"]`, (cell) => Number.parseInt(cell.textContent ?? "", 10));

const count = (list: string[], kind: string) => list.filter((k) => k === kind).length;

/**
 * Records, inside the panel, every connection status it shows and the fewest query rows it shows
 * from now on (a passive MutationObserver: it only reads the DOM).
 */
async function watchPanel(panel: Frame) {
  await panel.evaluate(() => {
    const seen = { statuses: new Set<string>(), fewestRows: Number.POSITIVE_INFINITY };
    const look = () => {
      seen.statuses.add(document.querySelector(".status[data-status]")?.getAttribute("data-status") ?? "none");
      seen.fewestRows = Math.min(seen.fewestRows, document.querySelectorAll("[data-query-key]").length);
    };
    (window as unknown as { __watch?: MutationObserver }).__watch?.disconnect();
    const observer = new MutationObserver(look);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    Object.assign(window, { __watch: observer, __seen: seen });
    look();
  });
}

async function panelWatch(panel: Frame) {
  return panel.evaluate(() => {
    const seen = (window as unknown as { __seen: { statuses: Set<string>; fewestRows: number } }).__seen;
    return { statuses: [...seen.statuses], fewestRows: seen.fewestRows };
  });
}

/** Clicks ↻ on one instance in the panel and waits until the page really fetched it again. */
async function revalidateFromPanel(panel: Frame, page: Page, key: string) {
  const before = await fetchCounts(page);
  // A locator waits until the row is stable and retries if a panel update replaces it mid-click.
  await panel.locator(`[data-query-key='${key}'] [data-action="revalidate"][data-scope="instance"]`).click();
  await until(`the page to refetch ${key}`, async () => (await fetchCounts(page))[key] === before[key] + 1);
  return before[key] + 1;
}

test("the service worker stopped by the browser: both ports reconnect by themselves and the panel gets a fresh snapshot", async () => {
  const { page, panel } = await open(`${demo}/`);
  await waitForHome(panel, page);
  const key = 'projectTasks["2"]';

  for (let round = 1; round <= 2; round++) {
    if (round === 2) {
      // Once more with "preserve log", where a restart taken for a page load would show as one.
      await setPreserveLog(panel, true);
      await showView(panel, "queries");
    }
    // A quiet page first: every fetch settled, and its events in the panel.
    await until("every row ready", async () => (await panel.$$('[data-query-key]:not([data-status="ready"])')).length === 0);
    await watchPanel(panel);
    const before = await bridgeTraffic(page);
    const worker = await until("the extension's service worker", async () => browser.targets().find(isExtensionWorker));
    await stopServiceWorkers(page);
    // Nothing else happens now: no clicks, no page events. The ports' own reconnection must wake
    // the worker, and the page must be asked for (and send) a fresh snapshot.
    await until("a new service worker", async () => browser.targets().find((t) => isExtensionWorker(t) && t !== worker), 15_000);
    const after = await until("the page to send a fresh snapshot", async () => {
      const traffic = await bridgeTraffic(page);
      return count(traffic.page, "snapshot") > count(before.page, "snapshot") ? traffic : undefined;
    });
    // The page posted nothing in between (so nothing but the ports' own retry woke the worker), and it
    // was asked: `connect` from the worker when both ports were back, or the panel's `get-snapshot`.
    expect(after.page.slice(before.page.length)[0], `round ${round}`).toBe("snapshot");
    const asked = after.panel.slice(before.panel.length);
    expect(asked.some((kind) => kind === "connect" || kind === "get-snapshot"), `round ${round}: commands after the restart: ${asked}`).toBe(true);
    // The page was not reloaded: the panel kept showing its rows, as found, all along.
    expect(await rowKeys(panel, "projectTasks")).toEqual(PROJECT_TASKS);
    expect(await panelWatch(panel), `round ${round}`).toEqual({ statuses: ["found"], fewestRows: 4 });

    // Commands still reach the page, and its events still reach the panel.
    const fetched = await revalidateFromPanel(panel, page, key);
    await until(`round ${round}: the panel to show ${key}'s new fetch`, async () => (await panelFetches(panel, key)) === fetched);
  }

  // A restart is not a page load: no marker, and the log kept the events from before it.
  await showView(panel, "timeline");
  expect(await markers(panel)).toEqual([]);
  const devtoolsFetches = await panel.$$eval(`[data-kind="fetch"][data-key='${key}'][data-cause="revalidate"]`, (rows) => rows.length);
  expect(devtoolsFetches).toBe(2);
});

test("a reload without preserve log: a marker, the old log cleared, the new page's rows with fresh data", async () => {
  const { page, panel } = await open(`${demo}/`);
  await waitForHome(panel, page);
  const key = 'projectTasks["2"]';
  expect(await revalidateFromPanel(panel, page, key)).toBe(2);
  await until("the panel to show the second fetch", async () => (await panelFetches(panel, key)) === 2);
  await setPreserveLog(panel, false);
  await until("the devtools revalidation in the log", async () => (await panel.$$(`[data-kind="fetch"][data-key='${key}'][data-cause="revalidate"]`)).length === 1);

  await page.reload();
  await until("the reload's marker alone at the top", async () => {
    const lines = await markers(panel);
    return lines.length === 1 && lines[0] === `page loaded: ${demo}/`;
  });
  // The new document's own events only: its first loads, none of the old page's revalidation.
  await until("the new page's first loads", async () => (await panel.$$('[data-kind="fetch"][data-cause="initial"]')).length === 4);
  expect(await panel.$$(`[data-kind="fetch"][data-cause="revalidate"]`)).toHaveLength(0);

  // The marker stays once the new page's snapshot is in (it is not part of the page's history).
  expect(await markers(panel)).toEqual([`page loaded: ${demo}/`]);

  await showView(panel, "queries");
  await waitForHome(panel, page);
  // Fresh data from the new page's runtime: its API was called once per key again.
  expect((await fetchCounts(page))[key]).toBe(1);
  await until("the fresh fetch count", async () => (await panelFetches(panel, key)) === 1);
  expect(await allRowKeys(panel)).toEqual([...PROJECT_TASKS, "projects[]"].sort());
});

test("a navigation with preserve log: the old log stays, a marker, then the new page's runtime", async () => {
  const { page, panel } = await open(`${demo}/`);
  await waitForHome(panel, page);
  await revalidateFromPanel(panel, page, "projects[]");
  await setPreserveLog(panel, true);
  const oldFetches = await until("the old page's fetches", async () => {
    const n = (await panel.$$('[data-kind="fetch"]')).length;
    return n === 5 ? n : undefined;
  });

  await page.goto(`${demo}/stats`);
  await until("the navigation's marker after the old log", async () => {
    const lines = await markers(panel);
    return lines.at(-1) === `page loaded: ${demo}/stats` ? lines : undefined;
  });
  // The old page's fetches are still listed, followed by the new page's first load of its stats.
  await until("the new page's first load", async () => {
    const keys = await panel.$$eval('[data-kind="fetch"]', (rows) => rows.map((r) => r.getAttribute("data-key")));
    return keys.length === oldFetches + 1 && keys.at(-1) === 'slowStats[{"from":1,"to":30}]';
  });

  await showView(panel, "queries");
  // Only the new page's keys: the old page's entries went with it.
  await until("the stats row", async () => (await allRowKeys(panel)).join() === 'slowStats[{"from":1,"to":30}]');
  await until("the stats to load", async () => panel.$(`[data-query-key='slowStats[{"from":1,"to":30}]'][data-status="ready"]`));
});

test("DevTools closed and opened again: a fresh snapshot with the current keys and the history from before", async () => {
  let inspected = await open(`${demo}/`);
  const { page } = inspected;
  await waitForHome(inspected.panel, page);
  await closeDevtools(inspected);
  // The page's runtime stops streaming once no panel is connected…
  await until("the page to be told the panel left", async () => (await bridgeTraffic(page)).panel.at(-1) === "disconnect");

  // …and keeps recording: an action and the refetches it causes while DevTools is closed.
  await page.type("#add-task-form-1 input[name=title]", "Done while DevTools was closed");
  await page.click("#add-task-form-1 [type=submit]");
  await page.waitForSelector("text/Done while DevTools was closed");
  await until("the action's refetches", async () => (await fetchCounts(page))["projects[]"] === 2);

  inspected = await reopenDevtools(page);
  const { panel } = inspected;
  await until("the current keys", async () => (await allRowKeys(panel)).join() === [...PROJECT_TASKS, "projects[]"].sort().join());
  await until("the refetched counts", async () => (await panelFetches(panel, "projects[]")) === 2);
  await showView(panel, "timeline");
  await showOnlyKinds(panel, ["actions", "fetches"]);
  // History from before the panel opened: the first loads and the action with its refetches.
  await until("the action from while DevTools was closed", async () =>
    panel.$('[data-kind="action"][data-action-name="addTask"][data-outcome="ok"]'),
  );
  expect(await panel.$$('[data-kind="fetch"][data-cause="initial"]')).toHaveLength(4);
  const id = await panel.$eval('[data-kind="action"][data-action-name="addTask"]', (el) => el.getAttribute("data-action-id"));
  await until("the action's four refetches", async () => (await panel.$$(`[data-parent-action="${id}"][data-kind="fetch"]`)).length === 4);
});

test("two tabs, each with its own DevTools: each panel shows and commands only its own tab", async () => {
  // Each panel is set to its queries view while its tab is in front (only the front tab renders).
  const home = await open(`${demo}/`);
  await waitForHome(home.panel, home.page);
  const stats = await open(`${demo}/stats`);
  await showView(stats.panel, "queries");
  const statsKey = 'slowStats[{"from":1,"to":30}]';
  await until("the stats tab's row", async () => stats.panel.$(`[data-query-key='${statsKey}'][data-status="ready"]`));
  expect(await allRowKeys(stats.panel)).toEqual([statsKey]);
  expect(await allRowKeys(home.panel)).toEqual([...PROJECT_TASKS, "projects[]"].sort());

  // Revalidate all in the stats tab's panel: only the stats tab fetches.
  const homeBefore = await fetchCounts(home.page);
  const statsBefore = await fetchCounts(stats.page);
  await stats.panel.click('[data-action="revalidate"][data-scope="all"]');
  await until("the stats tab's refetch", async () => (await fetchCounts(stats.page))[statsKey] === statsBefore[statsKey] + 1);
  await until("the stats panel's new fetch", async () => (await panelFetches(stats.panel, statsKey)) === 2);

  // And the other way round, which also gives the stats tab's refetch time to have leaked (it did not).
  // Switch to the home tab first: in headless Chromium only the front tab (and its DevTools) renders.
  await home.page.bringToFront();
  await home.panel.click('[data-action="revalidate"][data-scope="all"]');
  const expected = { ...homeBefore, ...Object.fromEntries([...PROJECT_TASKS, "projects[]"].map((k) => [k, homeBefore[k] + 1])) };
  await until("every home query refetched once", async () => JSON.stringify(await fetchCounts(home.page)) === JSON.stringify(expected));
  await until("the home panel's new fetches", async () => (await panelFetches(home.panel, "projects[]")) === 2);
  expect(await fetchCounts(stats.page)).toEqual({ ...statsBefore, [statsKey]: statsBefore[statsKey] + 1 });
  expect(await allRowKeys(stats.panel)).toEqual([statsKey]);
  expect(await allRowKeys(home.panel)).toEqual([...PROJECT_TASKS, "projects[]"].sort());
  expect(await panelFetches(stats.panel, statsKey)).toBe(2);
});

test("a page without the runtime: the panel says so and how to install it", async () => {
  const { page, panel } = await open(plainUrl);
  expect(await page.$eval("#plain", (el) => el.textContent)).toBe("No Solid Router here");
  const notice = await panel.waitForSelector('[data-notice="missing"]', { timeout: 10_000 });
  const text = await notice!.evaluate((el) => el.textContent ?? "");
  expect(text).toContain("No Solid Router query runtime on this page");
  expect(text).toContain("queryDevtools()");
  expect(await panel.$eval("[data-status]", (el) => el.getAttribute("data-status"))).toBe("missing");
  // The page really is silent: the content script is there, the runtime is not.
  const traffic = await bridgeTraffic(page);
  expect(traffic.page).toEqual([]);
  expect(traffic.panel).toContain("connect");
});
