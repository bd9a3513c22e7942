/*
 * The devtools page: lives as long as DevTools is open on a tab and only creates our panel.
 */
import browser from "webextension-polyfill";

void browser.devtools.panels.create("Solid Queries", "", "/panel/index.html");
