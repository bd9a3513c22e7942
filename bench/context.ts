/*
 * What every suite gets: the two served builds, the two browsers (with and without DevTools),
 * the sizes, and a progress logger.
 */
import type { Browser, Page } from "puppeteer-core";
import type { Variant } from "./build.ts";
import type { Sizes } from "./sizes.ts";

export interface Context {
  sizes: Sizes;
  urls: Record<Variant, string>;
  /** Chromium with the extension and no DevTools. */
  plain: Browser;
  /** Chromium with the extension and DevTools opened for every tab. */
  devtools: Browser;
  log(message: string): void;
}

/** A fresh tab on `url`, failing loudly on page errors. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.error(`page error on ${url}:`, error));
  await page.goto(url);
  await page.bringToFront();
  return page;
}
