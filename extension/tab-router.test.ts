/*
 * The service worker's routing, over fake ports: each content script reaches only the panel of its
 * own tab and back, connection changes are announced, and invalid messages are counted, not sent on.
 */
import { expect, test } from "vitest";
import { PROTOCOL, extensionNotice, pageMessage, panelCommand } from "../bridge/protocol.ts";
import { pageFrame } from "../bridge/page-frame.ts";
import { fakePort as anyPort } from "./fake-port.ts";
import { createTabRouter, type RouterPort } from "./tab-router.ts";

const fakePort = (name: string, sender?: RouterPort["sender"]) => anyPort(name, sender, { clone: true });


const content = (tabId: number, documentId = "0a1b", frameId = 0) =>
  fakePort(`content:${documentId}`, { tab: { id: tabId }, frameId, url: `http://app.test/${tabId}` });
const kinds = (port: { posted: unknown[] }) => port.posted.map((message) => (message as { kind: string }).kind);
const hello = pageFrame(pageMessage({ kind: "hello", routerVersion: "1.0.0", instrumented: true, url: "http://app.test/" }));

// Whichever side comes first, the panel hears which document connected and the page is told to stream.
test("content and panel meet by tab id, in either order", () => {
  for (const panelFirst of [false, true]) {
    const router = createTabRouter();
    const page = content(3);
    const panel = fakePort("panel:3");
    for (const port of panelFirst ? [panel, page] : [page, panel]) router.connect(port);
    expect(panel.posted).toEqual([extensionNotice({ kind: "page-connected", url: "http://app.test/3", documentId: "0a1b" })]);
    expect(page.posted).toEqual([panelCommand({ kind: "connect" })]);
  }
});

// Messages cross only between the content script and the panel of the same tab.
test("messages reach only the same tab", () => {
  const router = createTabRouter();
  const [page1, page2] = [content(1), content(2)];
  const [panel1, panel2] = [fakePort("panel:1"), fakePort("panel:2")];
  [page1, page2, panel1, panel2].forEach((port) => router.connect(port));
  [page1, page2, panel1, panel2].forEach((port) => (port.posted.length = 0));
  page1.deliver(hello);
  panel2.deliver(panelCommand({ kind: "revalidate", keys: ["a"] }));
  expect(panel1.posted).toEqual([hello]);
  expect(panel2.posted).toEqual([]);
  expect(page2.posted).toEqual([panelCommand({ kind: "revalidate", keys: ["a"] })]);
  expect(page1.posted).toEqual([]);
});

// Frames other than the top one, ports without a tab and unknown names are turned away.
test("only top frames of tabs and known port names connect", () => {
  const router = createTabRouter();
  const ports = [
    content(1, "0a1b", 2),
    fakePort("content:0a1b", { frameId: 0 }),
    fakePort("content:NOT-HEX", { tab: { id: 1 }, frameId: 0 }),
    fakePort("panel:x"),
    fakePort("devtools"),
  ];
  ports.forEach((port) => router.connect(port));
  expect(ports.map((port) => port.disconnected)).toEqual([true, true, true, true, true]);
  const legacy = fakePort("content", { tab: { id: 1 }, frameId: 0 });
  router.connect(legacy);
  expect(legacy.disconnected).toBe(false);
});

// Each side learns when the other goes; a replaced content port (the previous document) stays quiet.
test("disconnects are announced", () => {
  const router = createTabRouter();
  const oldPage = content(1, "01");
  const panel = fakePort("panel:1");
  router.connect(oldPage);
  router.connect(panel);
  const newPage = content(1, "02");
  router.connect(newPage);
  expect(kinds(panel)).toEqual(["page-connected", "page-connected"]);
  oldPage.drop();
  expect(kinds(panel)).toEqual(["page-connected", "page-connected"]);
  newPage.drop();
  expect(kinds(panel)).toEqual(["page-connected", "page-connected", "page-disconnected"]);
  const page = content(1, "03");
  router.connect(page);
  panel.drop();
  expect(kinds(page)).toEqual(["connect", "disconnect"]);
  // Posting to a port that died without telling us yet does not throw.
  page.disconnected = true;
  expect(() => router.connect(fakePort("panel:1"))).not.toThrow();
});

// A content script may report its rejections; it may not speak for the service worker.
test("notices from content scripts: rejected goes through, others are rejected and counted", () => {
  const rejections: string[] = [];
  const router = createTabRouter({ onReject: (from, { lastReason }) => rejections.push(`${from}: ${lastReason}`) });
  const page = content(1);
  const panel = fakePort("panel:1");
  router.connect(page);
  router.connect(panel);
  panel.posted.length = 0;
  page.deliver(extensionNotice({ kind: "rejected", count: 3, lastReason: "kind: Invalid key" }));
  page.deliver(extensionNotice({ kind: "page-disconnected" }));
  page.deliver({ source: "solid-query-devtools:page", protocol: PROTOCOL, kind: "batch" });
  panel.deliver({ source: "solid-query-devtools:panel", protocol: PROTOCOL + 1, kind: "connect" });
  page.deliver({ unrelated: true });
  expect(panel.posted).toEqual([extensionNotice({ kind: "rejected", count: 3, lastReason: "kind: Invalid key" })]);
  expect(router.rejectedFromContent.count).toBe(3);
  expect(router.rejectedFromPanel).toEqual({ count: 1, lastReason: `protocol mismatch: got ${PROTOCOL + 1}, expected ${PROTOCOL}` });
  expect(rejections[0]).toBe("content: kind: a content script may not send page-disconnected");
  expect(rejections).toHaveLength(4);
});
