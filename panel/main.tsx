/*
 * The panel inside the extension: connects a port named after the inspected tab, so the service
 * worker routes only that tab's messages here, and follows the DevTools theme.
 * Outside DevTools (no devtools API: the page opened in a plain tab, which is how
 * e2e/firefox.e2e.ts reaches it, as Firefox's DevTools window cannot be automated) it inspects
 * the tab named by `?tabId=`, in the light theme, without site access controls.
 */
import { render } from "solid-js/web";
import browser from "webextension-polyfill";
import { createPortWall, panelPortName } from "../bridge/port-wall.ts";
import { createSignal } from "solid-js";
import { App, type Theme } from "./App.tsx";
import { createExtensionOriginAccess } from "./origin/origin-access.ts";
import { loadSettings } from "./settings/settings.ts";
import { extensionSettingsStorage } from "./settings/settings-storage.ts";
import { createPanelStore } from "./store.ts";
import "./theme.css";

// Typed as always present, but absent in a plain tab.
const devtools: typeof browser.devtools | undefined = browser.devtools;
const tabId = devtools ? devtools.inspectedWindow.tabId : Number(new URLSearchParams(location.search).get("tabId"));
const wall = createPortWall(() => browser.runtime.connect({ name: panelPortName(tabId) }));
// A busy page streams many batches a second: render them together, at most ten times a second.
// The panel shares the machine with the page: at every 50 ms its process did a fifth more work.
const store = createPanelStore(wall, { coalesceMs: 100 });
// After a service-worker restart the new port gets a fresh snapshot from the page.
wall.onReconnect(() => store.refresh());
const themeOf = (name: string): Theme => (name === "dark" ? "dark" : "light");
const [theme, setTheme] = createSignal<Theme>(devtools ? themeOf(devtools.panels.themeName) : "light");
// Follow DevTools' theme live where the browser reports changes (Chrome does; the polyfill does not wrap it).
globalThis.chrome?.devtools?.panels?.setThemeChangeHandler?.((name: string) => setTheme(themeOf(name)));

// Whether the extension runs on the inspected page's site, and the button that turns it on.
const origin =
  devtools &&
  createExtensionOriginAccess({
    inspectedWindow: devtools.inspectedWindow,
    network: devtools.network,
    runtime: browser.runtime,
    permissions: browser.permissions,
  });

// What the user set last time, in the extension's storage (every DevTools window of the profile shares it).
void loadSettings(extensionSettingsStorage(browser.storage.local)).then((settings) =>
  render(() => <App store={store} theme={theme()} origin={origin} settings={settings} />, document.getElementById("root")!),
);
