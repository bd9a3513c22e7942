/*
 * A hostile page floods the bridge, in real Chromium with the packaged extension and the demo's
 * real runtime connected: 3,000 messages tagged as ours but invalid, posted in one task, a quarter
 * of them 2 MB strings. Every one must show in the panel, as an invalid message ignored or inside
 * the count of messages lost on the way; and a forged message of another protocol must not switch
 * the panel to "protocol mismatch" while the real runtime is connected.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { PAGE_SOURCE, PROTOCOL } from "../bridge/protocol.ts";
import { openDemo, until, type DemoSession } from "./harness.ts";

let demo: DemoSession;

beforeAll(async () => {
  demo = await openDemo(5276);
});

afterAll(() => demo?.close());

/** What the panel shows: invalid messages ignored, messages lost on the way (absent: 0), its status. */
const shown = () =>
  demo.inspected.panel.evaluate(() => ({
    rejected: Number(document.querySelector("[data-rejected]")?.getAttribute("data-rejected") ?? 0),
    lost: Number(document.querySelector("[data-lost]")?.getAttribute("data-lost") ?? 0),
    status: document.querySelector("[data-status]")?.getAttribute("data-status"),
  }));

test("a forged message of another protocol is a rejection, not a mismatch, while the runtime is connected", async () => {
  expect(await shown()).toEqual({ rejected: 0, lost: 0, status: "found" });
  await demo.inspected.page.evaluate((source, protocol) => {
    window.postMessage({ source, protocol, kind: "hello", json: "{}" }, "*");
  }, PAGE_SOURCE, PROTOCOL - 1);
  await until("the rejection", async () => (await shown()).rejected === 1);
  expect(await shown()).toEqual({ rejected: 1, lost: 0, status: "found" });
  expect(await demo.inspected.panel.$('[data-notice="mismatch"]')).toBeNull();
});

test("3,000 tagged invalid messages in one task, a quarter of them 2 MB: every one counted", async () => {
  const before = await shown();
  const sent = await demo.inspected.page.evaluate((source, protocol) => {
    const big = "x".repeat(2 * 1024 * 1024);
    const kinds = [
      // A sound envelope around 2 MB that is no message: only the panel reads it.
      { source, protocol, kind: "batch", json: big },
      { source, protocol, kind: "batch", json: "[1]" },
      // Envelopes the content script rejects.
      { source, protocol, kind: "nonsense", json: "{}" },
      { source, protocol, kind: "batch" },
    ];
    for (let i = 0; i < 3000; i++) window.postMessage(kinds[i % 4], "*");
    return 3000;
  }, PAGE_SOURCE, PROTOCOL);
  const counted = async () => {
    const now = await shown();
    return now.rejected - before.rejected + now.lost - before.lost;
  };
  // 1.5 GB goes through the extension's ports: on a busy machine this takes a minute or two.
  await until(`${sent} messages counted`, async () => (await counted()) >= sent, 240_000).catch(async (error: Error) => {
    throw new Error(`${error.message}: the panel shows ${JSON.stringify(await shown())}, ${JSON.stringify(before)} before`);
  });
  // And no more: nothing counted twice.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await counted()).toBe(sent);
  expect((await shown()).status).toBe("found");
}, 300_000);
