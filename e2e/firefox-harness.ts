/*
 * Real Firefox for the e2e tests: Debian's Firefox ESR driven by puppeteer-core over WebDriver
 * BiDi, with the packaged Firefox build (the Firefox zip, extracted) installed as a temporary
 * add-on. Firefox's DevTools window cannot be opened or driven by automation, so the panel page is
 * opened in a plain tab and told which tab to inspect (`?tabId=`, read by panel/main.tsx only
 * where no devtools API exists); everything between the page and that panel is the real thing.
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

/** Firefox with our add-on installed; close it when done. */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(resolve(extensionDir, "manifest.json"))) throw new Error(`no Firefox build in ${extensionDir}: run "npm run package" first`);
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefox,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// URLs without it.
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: { "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
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
