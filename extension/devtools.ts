/*
 * The devtools page: lives as long as DevTools is open on a tab and only creates our panel.
 */
import browser from "webextension-polyfill";

// The icon is one of the manifest's, which the build copies to the same path.
void browser.devtools.panels.create("Solid Queries", "/extension/icons/icon-32.png", "/panel/index.html");
