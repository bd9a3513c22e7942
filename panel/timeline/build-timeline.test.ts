/* The timeline's rows for a single-flight write: query.set of a promise and its awaited value are one line, in the action's group. */
import { expect, test } from "vitest";
import type { DevtoolsEvent } from "../../bridge/protocol.ts";
import { buildTimeline, type ActionRow } from "./build-timeline.ts";

const key = "projects[]";
const events: DevtoolsEvent[] = [
  { kind: "action-start", seq: 1, time: 1, id: 7, name: "rename", input: { type: "special", text: "undefined" } },
  { kind: "action-response", seq: 2, time: 2, id: 7, revalidate: ["projects"], singleFlight: [key] },
  { kind: "value-set", seq: 3, time: 3, key, via: "set", actionId: 7 },
  { kind: "revalidate", seq: 4, time: 4, requested: ["projects"], matched: [key], active: [], reused: [key], force: false, cause: { kind: "action", actionId: 7 } },
  { kind: "action-settle", seq: 5, time: 5, id: 7, ok: true, ms: 4 },
  { kind: "value-set", seq: 6, time: 9, key, via: "awaited", actionId: 7 },
  // A later query.set of the same key, by the app, with no promise: a line of its own.
  { kind: "value-set", seq: 7, time: 10, key, via: "set" },
];

test("a query.set's awaited value joins its line; every other write keeps its own", () => {
  const rows = buildTimeline(events);
  expect(rows.map((row) => row.type)).toEqual(["action", "event"]);
  const group = rows[0] as ActionRow;
  expect(group.children.map((child) => (child.type === "event" ? child.event.kind : child.type))).toEqual(["value-set", "revalidate"]);
  expect(group.children[0]).toMatchObject({ type: "event", awaited: { via: "awaited", seq: 6 } });
  expect(rows[1]).toMatchObject({ type: "event", event: { seq: 7, via: "set" } });
  expect(rows[1]).not.toHaveProperty("awaited");
});

test("an awaited value whose query.set is not in the log is a line of its own", () => {
  const rows = buildTimeline(events.slice(5, 6));
  expect(rows).toEqual([{ type: "event", seq: 6, time: 9, event: events[5] }]);
});
