/*
 * Content script, run at document_start in the page's isolated world. It relays between the page
 * runtime (window.postMessage) and the service worker (a runtime.Port), validating page messages
 * before they leave the page and panel commands before they enter it. Named *.iife.ts so crxjs
 * loads it synchronously: it must listen before the page's runtime says hello.
 */
import browser from "webextension-polyfill";
import { PAGE_SOURCE, isTagged, panelCommand, parsePageMessage, parsePanelCommand } from "../bridge/protocol.ts";
import { createPortWall } from "../bridge/port-wall.ts";
import { createWindowWall } from "../bridge/window-wall.ts";

const page = createWindowWall(window);
const background = createPortWall(() => browser.runtime.connect({ name: "content" }));
/** Whether a panel for this tab is open: replayed to a runtime that says hello later. */
let panelConnected = false;
let rejected = 0;

page.listen((data) => {
  if (!isTagged(data, PAGE_SOURCE)) return;
  const parsed = parsePageMessage(data);
  if (!parsed.ok) {
    rejected++;
    console.debug(`[solid-query-devtools] dropped page message #${rejected}: ${parsed.reason}`);
    return;
  }
  if (parsed.message.kind === "hello" && panelConnected) page.send(panelCommand({ kind: "connect" }));
  background.send(parsed.message);
});

background.listen((data) => {
  const parsed = parsePanelCommand(data);
  if (!parsed.ok) return;
  if (parsed.message.kind === "connect") panelConnected = true;
  if (parsed.message.kind === "disconnect") panelConnected = false;
  page.send(parsed.message);
});
