/*
 * The panel inside the extension: connects a port named after the inspected tab, so the service
 * worker routes only that tab's messages here, and follows the DevTools theme.
 */
import { render } from "solid-js/web";
import browser from "webextension-polyfill";
import { createPortWall } from "../bridge/port-wall.ts";
import { App } from "./App.tsx";
import { createPanelStore } from "./store.ts";
import "./theme.css";

const tabId = browser.devtools.inspectedWindow.tabId;
const wall = createPortWall(() => browser.runtime.connect({ name: `panel:${tabId}` }));
const store = createPanelStore(wall);
// After a service-worker restart the new port gets a fresh snapshot from the page.
wall.onReconnect(() => store.refresh());
const theme = browser.devtools.panels.themeName === "dark" ? "dark" : "light";

render(() => <App store={store} theme={theme} />, document.getElementById("root")!);
