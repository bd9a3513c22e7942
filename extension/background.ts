/*
 * MV3 service worker: routes between each tab's content script and the devtools panel that
 * inspects that tab. Routing is by the sender's real tab id (content) and the panel's inspected
 * tab id (from its port name), so a page only reaches its own devtools and a panel only commands
 * its own tab. It keeps no state worth losing: after a restart both sides reconnect.
 * It also keeps the content script registered on the sites the user enabled, and answers the
 * panel about them. The routing itself is tab-router.ts, the site access origin-access.ts; this
 * file only wires them to the browser's events.
 */
import browser from "webextension-polyfill";
import { createOriginAccess } from "./origin-access.ts";
import { createTabRouter } from "./tab-router.ts";

const router = createTabRouter({
  onReject: (from, { count, lastReason }) => console.debug(`[solid-query-devtools] dropped ${from} message #${count}: ${lastReason}`),
});
browser.runtime.onConnect.addListener((port) => router.connect(port));

const origins = createOriginAccess({ permissions: browser.permissions, scripting: browser.scripting }, browser.runtime.getManifest().content_scripts ?? []);
const sync = () => origins.sync().catch((error: unknown) => console.warn("[solid-query-devtools] could not register the enabled sites:", error));
// Grants and revocations also come from the browser's own extension settings, and may have while the worker slept.
browser.permissions.onAdded.addListener(() => void sync());
browser.permissions.onRemoved.addListener(() => void sync());
void sync();
browser.runtime.onMessage.addListener((message: unknown) => origins.handle(message));
