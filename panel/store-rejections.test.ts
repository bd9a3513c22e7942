/*
 * The panel store's accounting of invalid messages: its own, plus the running count the content
 * script reports for page messages that never reached the panel.
 */
import { expect, test } from "vitest";
import { PAGE_SOURCE, PROTOCOL, extensionNotice } from "../bridge/protocol.ts";
import { testEntry } from "./test-entry.ts";
import { storeHarness } from "./test-store.ts";

// Own rejections add up; each content report replaces the previous one; a new document starts afresh,
// the same document reconnecting (service-worker restart) does not.
test("own and content-script rejections", () => {
  const { store, deliver } = storeHarness();
  deliver(extensionNotice({ kind: "page-connected", url: "http://app.test/", documentId: "01" }));
  deliver({ source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch" });
  expect(store.state.rejected).toMatchObject({ count: 1, byContentScript: 0 });
  deliver(extensionNotice({ kind: "rejected", count: 5, lastReason: "events: Invalid type" }));
  expect(store.state.rejected).toEqual({ count: 6, byContentScript: 5, lastReason: "events: Invalid type" });
  deliver(extensionNotice({ kind: "rejected", count: 7 }));
  expect(store.state.rejected).toEqual({ count: 8, byContentScript: 7, lastReason: "events: Invalid type" });
  deliver(extensionNotice({ kind: "page-connected", url: "http://app.test/", documentId: "01" }));
  deliver(extensionNotice({ kind: "rejected", count: 7 }));
  expect(store.state.rejected).toMatchObject({ count: 8, byContentScript: 7 });
  deliver(extensionNotice({ kind: "page-connected", url: "http://app.test/", documentId: "02" }));
  expect(store.state.rejected).toMatchObject({ count: 1, byContentScript: 0 });
  deliver(extensionNotice({ kind: "rejected", count: -1 }));
  expect(store.state.rejected).toMatchObject({ count: 2, byContentScript: 0 });
});

// In the extension, a runtime of another protocol is rejected by the content script: its report is
// how the panel learns of the mismatch.
test("a protocol mismatch reported by the content script", () => {
  const { store, deliver } = storeHarness();
  deliver(extensionNotice({ kind: "page-connected", url: "http://app.test/", documentId: "01" }));
  deliver(extensionNotice({ kind: "rejected", count: 1, lastReason: `protocol mismatch: got ${PROTOCOL + 1}, expected ${PROTOCOL}` }));
  expect(store.state.status).toBe("mismatch");
  expect(store.state.mismatch).toBe(`the page's runtime speaks protocol ${PROTOCOL + 1}, this extension speaks ${PROTOCOL}`);
});

// While our runtime is connected, a page script's message of another protocol is one more rejection:
// it cannot put the panel into "protocol mismatch" (the real one, above, never gets a message through).
test("a forged protocol mismatch while the runtime is connected", () => {
  const { store, deliver, snapshot } = storeHarness();
  deliver(extensionNotice({ kind: "page-connected", url: "http://app.test/", documentId: "01" }));
  snapshot([testEntry("a")], []);
  expect(store.state.status).toBe("found");
  deliver(extensionNotice({ kind: "rejected", count: 1, lastReason: `protocol mismatch: got ${PROTOCOL + 1}, expected ${PROTOCOL}` }));
  deliver({ source: PAGE_SOURCE, protocol: PROTOCOL - 1, kind: "batch", json: "{}" });
  expect(store.state.status).toBe("found");
  expect(store.state.rejected.count).toBe(2);
  // A new document starts without a runtime: a mismatch there is real again.
  deliver(extensionNotice({ kind: "page-connected", url: "http://app.test/", documentId: "02" }));
  deliver(extensionNotice({ kind: "rejected", count: 1, lastReason: `protocol mismatch: got ${PROTOCOL + 1}, expected ${PROTOCOL}` }));
  expect(store.state.status).toBe("mismatch");
});

// The content script's reports say how many frames it passed on before each: frames that never
// arrived in between are counted as lost. Frames before the first report (sent before this panel
// connected) and a new document's frames start the count afresh; the same document reconnecting
// after a service-worker restart keeps it, so the frames lost in the restart are counted.
test("frames lost between the content script and the panel are counted", () => {
  const { store, deliver, batch, pageConnected } = storeHarness();
  const report = (count: number, relayed: number) => deliver(extensionNotice({ kind: "rejected", count, relayed }));
  pageConnected("http://app.test/", "01");
  batch([]);
  report(0, 7);
  batch([]);
  deliver({ source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch", json: "[" });
  report(0, 9);
  expect(store.state.lost).toBe(0);
  batch([]);
  report(0, 12);
  expect(store.state.lost).toBe(2);
  pageConnected("http://app.test/", "01");
  batch([]);
  report(3, 15);
  expect(store.state.lost).toBe(4);
  expect(store.state.rejected).toMatchObject({ count: 4, byContentScript: 3 });
  pageConnected("http://app.test/", "02");
  report(0, 40);
  batch([]);
  report(0, 41);
  expect(store.state.lost).toBe(4);
});

// A snapshot is the page's whole cache: entries it no longer has are gone from the panel too.
test("a snapshot replaces the entries", () => {
  const { store, snapshot } = storeHarness();
  snapshot(["a", "b", "constructor"].map((key) => testEntry(key)), []);
  expect([...store.entries().keys()].sort()).toEqual(["a", "b", "constructor"]);
  snapshot([testEntry("a")], []);
  expect([...store.entries().keys()]).toEqual(["a"]);
});
