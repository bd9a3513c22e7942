/*
 * Real Firefox for the e2e tests: Debian's Firefox ESR driven by puppeteer-core over WebDriver
 * BiDi, with the packaged Firefox build (the Firefox zip, extracted) installed as a temporary
 * add-on. Firefox's DevTools window cannot be opened or driven by automation, so the panel page is
 * opened in a plain tab and told which tab to inspect (`?tabId=`, read by panel/main.tsx only
 * where no devtools API exists); everything between the page and that panel is the real thing.
 * Firefox's own DevTools toolbox can be opened from the browser's chrome (`openToolboxPanel`),
 * but the panel inside it is out of reach: WebDriver BiDi addresses no extension frame there.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { packageFiles } from "../extension/package-files.ts";
import { root, until } from "./harness.ts";

const firefox = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const extensionDir = packageFiles(root).firefox.unzipped;

/** The manifest's gecko id (vite.config.ts). */
const GECKO_ID = "{3444ce64-b866-413f-a446-c879a881a0a5}";
/**
 * Firefox gives each add-on a random moz-extension:// host per profile; this pref pins ours, so
 * the tests know the panel page's URL.
 */
const EXTENSION_UUID = "5b0e3d2a-8c1f-4e6b-9a7d-2f4c6e8a0b13";
export const panelUrl = (query: string) => `moz-extension://${EXTENSION_UUID}/panel/index.html?${query}`;

/** The part of an extension page's `browser` global used here. */
interface Extension {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
}

/** Firefox, with our add-on installed unless `extension` is false; close it when done. */
export async function launchFirefox({ extension = true }: { extension?: boolean } = {}): Promise<Browser> {
  if (extension && !existsSync(resolve(extensionDir, "manifest.json"))) throw new Error(`no Firefox build in ${extensionDir}: run "npm run package" first`);
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefox,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// URLs, or to run script in the
    // browser's chrome, without it.
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: { "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  if (!extension) return browser;
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`the add-on installed as ${id}, not ${GECKO_ID}`);
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Navigates `page` to an extension page and waits for `ready` in it. Firefox's BiDi reports no
 * events from extension pages (bug 1755014), so puppeteer would wait forever for the navigation:
 * start it, then look into the page (evaluating there works) until it is loaded.
 */
async function gotoExtensionPage(page: Page, url: string, ready: string): Promise<void> {
  // Resolves or times out on its own, events or not; what counts is the probe below.
  void page.goto(url, { timeout: 20_000 }).catch(() => undefined);
  await until(`${url} to load`, () => page.evaluate((url, ready) => location.href === url && document.querySelector(ready) !== null, url, ready), 20_000);
}

/**
 * A new tab showing our panel for the tab at `url`. The panel page first inspects no tab (-1,
 * tabs.TAB_ID_NONE) to look the inspected tab's id up with the extension's own tabs API.
 */
export async function openPanelTab(browser: Browser, url: string): Promise<Page> {
  const panel = await browser.newPage();
  await gotoExtensionPage(panel, panelUrl("tabId=-1"), ".app");
  const tabId = await panel.evaluate(async (url) => {
    const { browser } = globalThis as unknown as { browser: Extension };
    // Every tab, filtered here: match patterns would not say which port.
    const tabs = (await browser.tabs.query({})).filter((tab) => tab.url === url);
    return tabs.length === 1 ? tabs[0].id : undefined;
  }, url);
  if (tabId === undefined) throw new Error(`no single tab at ${url}`);
  await gotoExtensionPage(panel, panelUrl(`tabId=${tabId}`), ".app");
  return panel;
}

/** The raw WebDriver BiDi connection puppeteer drives Firefox with (not in its public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

function bidiConnection(browser: Browser): BidiConnection {
  const connection: unknown = Reflect.get(browser, "connection");
  if (typeof connection !== "object" || connection === null || typeof Reflect.get(connection, "send") !== "function") {
    throw new Error("puppeteer's browser has no WebDriver BiDi connection");
  }
  return { send: (method, params) => Reflect.apply(Reflect.get(connection, "send"), connection, [method, params]) };
}

/*
 * Run in browser.xhtml with chrome privileges: what a user does by opening DevTools on the tab
 * at URL and choosing our panel. Resolves with the URL the panel's frame loaded.
 */
const OPEN_TOOLBOX_PANEL = `async (url) => {
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
  const { gDevTools } = require("devtools/client/framework/devtools");
  const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === url);
  if (!tab) throw new Error("no tab at " + url);
  const toolbox = await gDevTools.showToolboxForTab(tab);
  let tool;
  // The toolbox lists an extension's panel once its devtools page has created it.
  for (let i = 0; i < 200 && !tool; i++, await wait(100)) {
    tool = toolbox.getAdditionalTools().find((t) => t.extensionId === "${GECKO_ID}");
  }
  if (!tool) throw new Error("the toolbox never listed our panel");
  await toolbox.selectTool(tool.id);
  for (let i = 0; i < 200; i++, await wait(100)) {
    const frame = toolbox.doc.getElementById("toolbox-panel-iframe-" + tool.id);
    const spec = frame?.contentDocument?.querySelector("browser")?.currentURI?.spec;
    if (spec?.endsWith("/panel/index.html")) return spec;
  }
  throw new Error("our panel's page never loaded in the toolbox");
}`;

/**
 * Opens Firefox's own DevTools toolbox on the tab at `url` and selects our panel, through the
 * browser's chrome (the window's script, as no automation API opens DevTools). Resolves with the
 * panel page's URL once it loaded.
 */
export async function openToolboxPanel(browser: Browser, url: string): Promise<string> {
  const connection = bidiConnection(browser);
  const { result: tree } = await connection.send("browsingContext.getTree", { "moz:scope": "chrome" });
  const contexts = (tree as { contexts: { context: string; url: string }[] }).contexts;
  const window = contexts.find((c) => c.url === "chrome://browser/content/browser.xhtml");
  if (!window) throw new Error("no browser window among the chrome contexts");
  const { result } = await connection.send("script.callFunction", {
    functionDeclaration: OPEN_TOOLBOX_PANEL,
    arguments: [{ type: "string", value: url }],
    target: { context: window.context },
    awaitPromise: true,
  });
  const outcome = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
  if (outcome.type !== "success" || typeof outcome.result?.value !== "string") throw new Error(`opening the toolbox failed: ${outcome.exceptionDetails?.text}`);
  return outcome.result.value;
}
