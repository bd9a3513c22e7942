/*
 * MV3 service worker: routes between each tab's content script and the devtools panel that
 * inspects that tab. Routing is by the sender's real tab id (content) and the panel's inspected
 * tab id (from its port name), so a page only reaches its own devtools and a panel only commands
 * its own tab. It keeps no state worth losing: after a restart both sides reconnect.
 * The routing itself is tab-router.ts; this file only wires it to runtime.onConnect.
 */
import browser from "webextension-polyfill";
import { createTabRouter } from "./tab-router.ts";

const router = createTabRouter({
  onReject: (from, { count, lastReason }) => console.debug(`[solid-query-devtools] dropped ${from} message #${count}: ${lastReason}`),
});
browser.runtime.onConnect.addListener((port) => router.connect(port));
