/*
 * The protocol accepts what the sides send and rejects everything else with a readable reason.
 */
import { expect, test } from "vitest";
import { PAGE_SOURCE, PROTOCOL, pageMessage, panelCommand, parsePageMessage, parsePanelCommand } from "./protocol.ts";

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
