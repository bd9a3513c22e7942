/*
 * Site access in real Chromium (issue 22): with the permissions it installs with, the extension
 * runs on a local dev origin, and on the same demo under another host name (devbox.test, resolved
 * to 127.0.0.1 by Chromium) it does not run: the panel says so and offers the button, and no
 * runtime message reaches it. The browser's permission prompt cannot be answered by automation, so
 * the path after a grant runs on a copy of the build whose manifest already grants devbox.test:
 * the service worker registers the content script for it at start, and the panel finds the runtime.
 * Also the install prompt's lines as Chrome words them for the built manifest.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Frame } from "puppeteer-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bridgeTraffic, extensionDir, isExtensionWorker, launchBrowser, openObservedTab, panelFor, startDemo, until } from "./harness.ts";

const port = 5301;
const local = `http://127.0.0.1:${port}/`;
const devbox = `http://devbox.test:${port}/`;
const resolveDevbox = ["--host-resolver-rules=MAP devbox.test 127.0.0.1"];
let server: ViteDevServer;
const browsers: Browser[] = [];
let grantedBuild: string;

beforeAll(async () => {
  server = await startDemo(port, { host: "127.0.0.1", allowedHosts: ["devbox.test"] });
  // The same build, as if the user had granted devbox.test (a manifest grant stands in for the prompt).
  grantedBuild = mkdtempSync(join(tmpdir(), "sqd-granted-"));
  cpSync(extensionDir, grantedBuild, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(grantedBuild, "manifest.json"), "utf8"));
  writeFileSync(join(grantedBuild, "manifest.json"), JSON.stringify({ ...manifest, host_permissions: ["http://devbox.test/*"] }));
});

afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await server?.close();
  rmSync(grantedBuild, { recursive: true, force: true });
});

async function launch(options?: Parameters<typeof launchBrowser>[0]) {
  const browser = await launchBrowser(options);
  browsers.push(browser);
  return browser;
}

const projectRows = (panel: Frame) => panel.$$eval("[data-query-key^='projectTasks']", (rows) => rows.length);

/** The install prompt's lines Chrome computes for `manifest` (chrome.management needs no permission for this). */
async function installWarnings(browser: Browser, manifest: object): Promise<string[]> {
  const worker = await (await browser.waitForTarget(isExtensionWorker)).createCDPSession();
  const expression = `chrome.management.getPermissionWarningsByManifest(${JSON.stringify(JSON.stringify(manifest))})`;
  return until("the install warnings", async () => {
    const { result } = await worker.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
    return result.value as string[] | undefined;
  });
}

test("the installed permissions: no host beyond the local dev origins", async () => {
  const manifest = JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8"));
  expect(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches)).toEqual(["*://localhost/*", "*://127.0.0.1/*", "*://[::1]/*"]);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.permissions).toEqual(["scripting", "storage"]);
  expect(manifest.optional_host_permissions).toEqual(["*://*/*"]);
  const browser = await launch();
  // Site access asks for the local origins alone (and nothing for scripting or the optional hosts)…
  expect(await installWarnings(browser, { ...manifest, devtools_page: undefined })).toEqual(["Read and change your data on 127.0.0.1, [::1], and localhost"]);
  // …but Chrome words any devtools_page as access to every site: DevTools can inspect any page.
  expect(await installWarnings(browser, manifest)).toEqual(["Read and change all your data on all websites"]);
});

test("a local dev origin is detected with the default permissions; another host name is not enabled", async () => {
  const browser = await launch({ extraArgs: resolveDevbox });

  const { page: localPage, panel: localPanel } = await panelFor(browser, await openObservedTab(browser, local));
  await localPage.waitForSelector(`[data-fetch-key='projectTasks["3"]']`);
  await until("the local page's keys in the panel", async () => (await projectRows(localPanel)) === 3, 15_000);
  await localPage.close();

  const page = await openObservedTab(browser, devbox);
  await page.waitForSelector(`[data-fetch-key='projectTasks["3"]']`);
  const { panel } = await panelFor(browser, page);
  await panel.waitForSelector("[data-notice=origin-off]", { timeout: 15_000 });
  expect(await panel.$eval("[data-notice=origin-off] h2", (h) => h.textContent)).toBe("Not enabled on devbox.test");
  // Chrome gives the DevTools panel the permissions API: the one-click button is there.
  expect(await panel.$eval("[data-action=enable-origin]", (b) => b.textContent)).toBe("Enable on devbox.test");
  expect(await panel.$eval(".status", (s) => s.textContent)).toBe("missing");
  expect(await panel.$$("[data-query-key]")).toHaveLength(0);
  // The page's runtime said hello, but no content script listened: nothing was relayed either way.
  const traffic = await bridgeTraffic(page);
  expect(traffic.page).toContain("hello");
  expect(traffic.panel).toEqual([]);
});

test("after a grant the service worker registers the content script and the panel finds the runtime", async () => {
  const browser = await launch({ extraArgs: resolveDevbox, extension: grantedBuild });
  const worker = await (await browser.waitForTarget(isExtensionWorker)).createCDPSession();
  const registered = await until("the worker's registration", async () => {
    const { result } = await worker.send("Runtime.evaluate", {
      expression: "chrome.scripting.getRegisteredContentScripts()",
      awaitPromise: true,
      returnByValue: true,
    });
    const scripts = result.value as { id: string }[] | undefined;
    return scripts?.length ? scripts : undefined;
  });
  const built = JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8")).content_scripts[0].js;
  expect(registered).toEqual([
    expect.objectContaining({ id: "site:http://devbox.test/*", matches: ["http://devbox.test/*"], js: built, runAt: "document_start", persistAcrossSessions: true }),
  ]);

  const page = await openObservedTab(browser, devbox);
  const { panel } = await panelFor(browser, page);
  await until("devbox.test's keys in the panel", async () => (await projectRows(panel)) === 3, 15_000);
  await panel.waitForSelector("[data-origin=granted]");
  expect(await panel.$eval("[data-origin=granted]", (badge) => badge.textContent)).toContain("Enabled on devbox.test by you");
  expect(await panel.$("[data-action=disable-origin]")).not.toBeNull();
});
