/*
 * A panel store over an in-memory wall for store and view tests: each message is delivered at once,
 * structured-cloned as over a port, and what the store sends is kept. With the page's and the
 * extension's side of the conversation as one-liners.
 */
import { extensionNotice, pageMessage, type DevtoolsEvent, type Entry } from "../bridge/protocol.ts";
import { pageFrame } from "../bridge/page-frame.ts";
import type { Wall } from "../bridge/wall.ts";
import { createPanelStore, type PanelStoreOptions } from "./store.ts";

export function storeHarness(options?: PanelStoreOptions) {
  const listeners = new Set<(message: unknown) => void>();
  const sent: unknown[] = [];
  const wall: Wall = { send: (message) => void sent.push(message), listen: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const store = createPanelStore(wall, options);
  const deliver = (message: unknown) => listeners.forEach((listener) => listener(structuredClone(message)));
  return {
    store,
    sent,
    deliver,
    pageConnected: (url: string, documentId?: string) => deliver(extensionNotice({ kind: "page-connected", url, documentId })),
    pageDisconnected: () => deliver(extensionNotice({ kind: "page-disconnected" })),
    snapshot: (entries: Entry[], events: DevtoolsEvent[]) =>
      deliver(pageFrame(pageMessage({ kind: "snapshot", routerVersion: "1.0.0", instrumented: true, url: "http://app.test/", entries, events, dropped: 0 }))),
    batch: (events: DevtoolsEvent[], entries: Entry[] = []) => deliver(pageFrame(pageMessage({ kind: "batch", events, entries, removed: [], dropped: 0 }))),
  };
}
