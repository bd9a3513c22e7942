/* The history: the newest events in order, drops counted, rows and objects mixed. */
import { expect, test } from "vitest";
import { EventRing } from "./event-ring.ts";
import type { RawEvent } from "./recorder.ts";

test("keeps the newest events in order and counts what it overwrote", () => {
  const ring = new EventRing(3);
  ring.push("fetch-start", "a", 1, 10, 7, NaN, "revalidate", { kind: "action", actionId: 2 });
  const action = { kind: "action-start", id: 2, name: "save", input: 1, seq: 2, time: 11 } as RawEvent;
  ring.pushObject(action);
  ring.push("fetch-settle", "a", 3, 12, 7, 4.5, "error", new Error("boom"));
  ring.push("value-set", "b", 4, 13, NaN, NaN, "fetch", undefined);
  expect(ring.dropped).toBe(1);
  expect(ring.toArray()).toEqual([
    action,
    { kind: "fetch-settle", key: "a", seq: 3, time: 12, fetchId: 7, ms: 4.5, ok: false, error: new Error("boom") },
    { kind: "value-set", key: "b", seq: 4, time: 13, via: "fetch" },
  ]);
  ring.push("value-set", "c", 5, 14, 9, NaN, "set", undefined);
  ring.push("observers", "c", 6, 15, 2, NaN, undefined, undefined);
  ring.push("entry-removed", "c", 7, 16, NaN, NaN, "gc", undefined);
  expect(ring.toArray().map((event) => event.seq)).toEqual([5, 6, 7]);
  expect(ring.toArray()[0]).toEqual({ kind: "value-set", key: "c", seq: 5, time: 14, via: "set", actionId: 9 });
  ring.clear();
  expect(ring.toArray()).toEqual([]);
  expect(ring.dropped).toBe(0);
  expect(() => new EventRing(0)).toThrow(RangeError);
});
