/*
 * Renders icon.svg into the PNGs the manifests name (icon-16.png … icon-128.png) with the same
 * Debian Chromium the e2e tests use: each size is drawn from the vector, not scaled from a bitmap.
 * Run it after editing the SVG (`node extension/icons/render.ts`, Node 24) and commit the PNGs.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const ICON_SIZES = [16, 32, 48, 128] as const;

const dir = import.meta.dirname;
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    // The SVG has no width or height, so it fills the viewport.
    await page.setViewport({ width: size, height: size });
    await page.goto(pathToFileURL(resolve(dir, "icon.svg")).href);
    await page.screenshot({ path: resolve(dir, `icon-${size}.png`), omitBackground: true });
  }
} finally {
  await browser.close();
}
