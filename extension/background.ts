/*
 * MV3 service worker: routes between each tab's content script and the devtools panel that
 * inspects that tab. Routing is by the sender's real tab id (content) and the panel's inspected
 * tab id (from its port name), so a page only reaches its own devtools and a panel only commands
 * its own tab. It keeps no state worth losing: after a restart both sides reconnect.
 */
import browser, { type Runtime } from "webextension-polyfill";
import { extensionNotice, panelCommand, parsePageMessage, parsePanelCommand } from "../bridge/protocol.ts";

const PANEL_PREFIX = "panel:";
const contents = new Map<number, Runtime.Port>();
const panels = new Map<number, Runtime.Port>();

browser.runtime.onConnect.addListener((port) => {
  if (port.name === "content") return connectContent(port);
  if (port.name.startsWith(PANEL_PREFIX)) return connectPanel(port, Number(port.name.slice(PANEL_PREFIX.length)));
  port.disconnect();
});

function connectContent(port: Runtime.Port) {
  const tabId = port.sender?.tab?.id;
  // Only top frames of real tabs: other frames would otherwise speak for the page.
  if (tabId === undefined || port.sender?.frameId !== 0) return port.disconnect();
  contents.set(tabId, port);
  const panel = panels.get(tabId);
  if (panel) {
    panel.postMessage(extensionNotice({ kind: "page-connected", url: port.sender?.url ?? "" }));
    port.postMessage(panelCommand({ kind: "connect" }));
  }
  port.onMessage.addListener((data: unknown) => {
    const parsed = parsePageMessage(data);
    if (parsed.ok) panels.get(tabId)?.postMessage(parsed.message);
  });
  port.onDisconnect.addListener(() => {
    if (contents.get(tabId) !== port) return;
    contents.delete(tabId);
    panels.get(tabId)?.postMessage(extensionNotice({ kind: "page-disconnected" }));
  });
}

function connectPanel(port: Runtime.Port, tabId: number) {
  if (!Number.isInteger(tabId)) return port.disconnect();
  panels.set(tabId, port);
  const content = contents.get(tabId);
  if (content) {
    port.postMessage(extensionNotice({ kind: "page-connected", url: content.sender?.url ?? "" }));
    content.postMessage(panelCommand({ kind: "connect" }));
  }
  port.onMessage.addListener((data: unknown) => {
    const parsed = parsePanelCommand(data);
    if (parsed.ok) contents.get(tabId)?.postMessage(parsed.message);
  });
  port.onDisconnect.addListener(() => {
    if (panels.get(tabId) !== port) return;
    panels.delete(tabId);
    contents.get(tabId)?.postMessage(panelCommand({ kind: "disconnect" }));
  });
}
