/*
 * Session files are validated on import: a bad file is refused with the reason.
 */
import { expect, test } from "vitest";
import { SESSION_FORMAT, parseSession } from "./session.ts";

test("a valid session parses; broken files are refused with a reason", () => {
  const session = { format: SESSION_FORMAT, version: 1, exportedAt: 1, entries: [], events: [{ kind: "invalidated", seq: 1, time: 1, keys: ["a[]", "b[]"], actionId: 2 }] };
  expect(parseSession(JSON.stringify(session))).toEqual({ ok: true, session });
  // Saved before protocol 5: an invalidated event per key.
  const earlier = { ...session, events: [{ kind: "invalidated", seq: 1, time: 1, key: "a[]", actionId: 2 }] };
  expect(parseSession(JSON.stringify(earlier))).toEqual({ ok: true, session: { ...session, events: [{ kind: "invalidated", seq: 1, time: 1, keys: ["a[]"], actionId: 2 }] } });
  expect(parseSession(JSON.stringify({ ...session, events: [{ kind: "invalidated", seq: 1, time: 1, keys: [] }] }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^events\.0\.keys/) });
  expect(parseSession("{")).toMatchObject({ ok: false, reason: expect.stringMatching(/^not JSON/) });
  expect(parseSession(JSON.stringify({ ...session, events: [{ kind: "boom" }] }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^events\.0/) });
  expect(parseSession(JSON.stringify({ ...session, format: "other" }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^format/) });
});
