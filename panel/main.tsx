/*
 * The panel inside the extension: connects a port named after the inspected tab, so the service
 * worker routes only that tab's messages here, and follows the DevTools theme.
 */
import { render } from "solid-js/web";
import browser from "webextension-polyfill";
import { createPortWall, panelPortName } from "../bridge/port-wall.ts";
import { createSignal } from "solid-js";
import { App, type Theme } from "./App.tsx";
import { createExtensionOriginAccess } from "./origin/origin-access.ts";
import { createPanelStore } from "./store.ts";
import "./theme.css";

const tabId = browser.devtools.inspectedWindow.tabId;
const wall = createPortWall(() => browser.runtime.connect({ name: panelPortName(tabId) }));
// A busy page streams many batches a second: render them together, at most ten times a second.
// The panel shares the machine with the page: at every 50 ms its process did a fifth more work.
const store = createPanelStore(wall, { coalesceMs: 100 });
// After a service-worker restart the new port gets a fresh snapshot from the page.
wall.onReconnect(() => store.refresh());
const themeOf = (name: string): Theme => (name === "dark" ? "dark" : "light");
const [theme, setTheme] = createSignal(themeOf(browser.devtools.panels.themeName));
// Follow DevTools' theme live where the browser reports changes (Chrome does; the polyfill does not wrap it).
globalThis.chrome?.devtools?.panels?.setThemeChangeHandler?.((name: string) => setTheme(themeOf(name)));

// Whether the extension runs on the inspected page's site, and the button that turns it on.
const origin = createExtensionOriginAccess({
  inspectedWindow: browser.devtools.inspectedWindow,
  network: browser.devtools.network,
  runtime: browser.runtime,
  permissions: browser.permissions,
});

render(() => <App store={store} theme={theme()} origin={origin} />, document.getElementById("root")!);
