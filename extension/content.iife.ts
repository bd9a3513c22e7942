/*
 * Content script, run at document_start in the page's isolated world. It relays between the page
 * runtime (window.postMessage) and the service worker (a runtime.Port), validating page messages
 * before they leave the page and panel commands before they enter it. Named *.iife.ts so crxjs
 * loads it synchronously: it must listen before the page's runtime says hello.
 * The relaying itself is content-relay.ts; this file only wires it to the real channels.
 */
import browser from "webextension-polyfill";
import { contentPortName, createPortWall, newDocumentId } from "../bridge/port-wall.ts";
import { createWindowWall } from "../bridge/window-wall.ts";
import { createContentRelay } from "./content-relay.ts";

// The port is named after this document: after a service-worker restart the panel knows it is the same page.
const documentId = newDocumentId();

createContentRelay(
  createWindowWall(window),
  createPortWall(() => browser.runtime.connect({ name: contentPortName(documentId) })),
  { onReject: (side, { count, lastReason }) => console.debug(`[solid-query-devtools] dropped ${side} message #${count}: ${lastReason}`) },
);
