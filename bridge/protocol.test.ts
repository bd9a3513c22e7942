/*
 * The protocol accepts what the sides send and rejects everything else with a readable reason.
 */
import { expect, test } from "vitest";
import { PAGE_SOURCE, PROTOCOL, pageMessage, panelCommand, parsePageFrame, parsePageMessage, parsePanelCommand } from "./protocol.ts";
import { decodePageFrame, pageFrame } from "./page-frame.ts";

const batch = pageMessage({
  kind: "batch",
  events: [{ kind: "fetch-start", seq: 1, time: 1, key: 'tasks["1"]', fetchId: 1, cause: "revalidate", revalidation: { kind: "action", actionId: 2 } }],
  entries: [],
  removed: [],
  dropped: 0,
});

// A well-formed message parses to itself; a command too.
test("valid messages round-trip", () => {
  expect(parsePageMessage(structuredClone(batch))).toEqual({ ok: true, message: batch });
  expect(parsePanelCommand(panelCommand({ kind: "revalidate", keys: ["a"] }))).toEqual({
    ok: true,
    message: { source: "solid-query-devtools:panel", protocol: PROTOCOL, kind: "revalidate", keys: ["a"] },
  });
});

// Malformed messages name the field at fault; commands are not accepted as page messages.
test("invalid messages are rejected with the path of the problem", () => {
  const bad = structuredClone(batch) as { events: { cause: string }[] };
  bad.events[0].cause = "magic";
  const parsed = parsePageMessage(bad);
  expect(parsed.ok).toBe(false);
  expect(!parsed.ok && parsed.reason).toMatch(/^events\.0\.cause: /);
  expect(parsePageMessage(panelCommand({ kind: "get-snapshot" })).ok).toBe(false);
  expect(parsePageMessage({ source: PAGE_SOURCE, protocol: PROTOCOL, kind: "nope" }).ok).toBe(false);
});

// A runtime of another protocol version is named as such, not as a shape error.
test("protocol mismatch names both versions", () => {
  const parsed = parsePageMessage({ ...batch, protocol: PROTOCOL + 1 });
  expect(parsed).toEqual({ ok: false, reason: `protocol mismatch: got ${PROTOCOL + 1}, expected ${PROTOCOL}` });
});

// Hostile objects (throwing getters, revoked proxies) are rejected, never thrown.
test("hostile input never throws", () => {
  const throwing = Object.defineProperty({ source: PAGE_SOURCE, protocol: PROTOCOL }, "kind", {
    enumerable: true,
    get() {
      throw new Error("boom");
    },
  });
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const input of [throwing, proxy, null, undefined, 42, "x", [], { source: PAGE_SOURCE }]) {
    expect(parsePageMessage(input).ok).toBe(false);
    expect(parsePanelCommand(input).ok).toBe(false);
  }
});

// A page message travels as its JSON in a frame: the relays check the envelope only, the panel
// decodes the body and validates it in full, and the body must be what the envelope says it is.
test("frames: envelope for the relays, body for the panel", () => {
  const frame = pageFrame(batch);
  // Frequent kinds travel as rows: [kind, seq, time, key, ...fields].
  expect(frame).toEqual({ source: PAGE_SOURCE, protocol: PROTOCOL, kind: "batch", json: JSON.stringify({ ...batch, events: [[1, 1, 1, 'tasks["1"]', 1, 4, { kind: "action", actionId: 2 }]], entries: [], timeBase: 0 }) });
  expect(decodePageFrame(structuredClone(frame))).toEqual({ ok: true, message: batch });
  const broken = { ...frame, json: "{" };
  expect(parsePageFrame(broken).ok).toBe(true);
  expect(decodePageFrame(broken)).toMatchObject({ ok: false, reason: expect.stringMatching(/^json: /) });
  const wrongBody = { ...frame, json: JSON.stringify({ ...batch, events: [{ kind: "nope" }] }) };
  expect(decodePageFrame(wrongBody)).toMatchObject({ ok: false, reason: expect.stringMatching(/^events\.0/) });
  expect(decodePageFrame({ ...frame, kind: "hello" })).toEqual({ ok: false, reason: "kind: the frame says hello, its body batch" });
  expect(parsePageFrame({ ...frame, kind: "self-destruct" }).ok).toBe(false);
  expect(parsePageFrame({ ...frame, json: batch }).ok).toBe(false);
  expect(parsePageFrame({ ...frame, protocol: PROTOCOL + 1 })).toEqual({ ok: false, reason: `protocol mismatch: got ${PROTOCOL + 1}, expected ${PROTOCOL}` });
});

// A receiver that keeps only the newest events of a snapshot validates only those.
test("frames: a snapshot's older events are left out unread", () => {
  const event = (seq: number) => ({ kind: "invalidated" as const, seq, time: seq, keys: ["k"] });
  const snapshot = pageMessage({ kind: "snapshot", routerVersion: "1.0.0", instrumented: true, url: "u", entries: [], events: [1, 2, 3].map(event), dropped: 0 });
  const frame = pageFrame(snapshot);
  expect(decodePageFrame(frame, 2)).toMatchObject({ ok: true, message: { events: [event(2), event(3)] } });
  const oldJunk = { ...frame, json: JSON.stringify({ ...snapshot, events: [{ junk: true }, event(2), event(3)] }) };
  expect(decodePageFrame(oldJunk, 2).ok).toBe(true);
  expect(decodePageFrame(oldJunk).ok).toBe(false);
});
