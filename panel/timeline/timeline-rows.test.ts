/* A live stream rebuilds the timeline's rows: those it leaves unchanged keep their objects, so the list re-renders only the changed ones. */
import { expect, test } from "vitest";
import type { DevtoolsEvent } from "../../bridge/protocol.ts";
import { KIND_FILTERS, timelineRows } from "./timeline-rows.ts";

const all = { text: "", kinds: new Set(KIND_FILTERS) };
const log: DevtoolsEvent[] = [
  { kind: "action-start", seq: 1, time: 1, id: 3, name: "save", input: { type: "special", text: "undefined" } },
  { kind: "fetch-start", seq: 2, time: 2, key: "a[]", fetchId: 1, cause: "revalidate", revalidation: { kind: "action", actionId: 3 } },
  { kind: "fetch-start", seq: 3, time: 3, key: "b[]", fetchId: 2, cause: "initial" },
  { kind: "fetch-settle", seq: 4, time: 4, key: "b[]", fetchId: 2, ok: true, ms: 1, stored: true },
  { kind: "fetch-settle", seq: 5, time: 5, key: "a[]", fetchId: 1, ok: true, ms: 3, stored: true },
];

test("a rebuild keeps the objects of unchanged rows and replaces those that changed", () => {
  const before = timelineRows(log.slice(0, 3), all);
  const after = timelineRows(log.slice(0, 4), all);
  expect(after.map((row) => row.type)).toEqual(["action", "summary", "child", "line"]);
  // The action and its fetch are as they were; the fetch of b[] settled.
  expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
  after.slice(0, 3).forEach((row, i) => expect(row).toBe(before[i]));
  expect(after[3]).not.toBe(before[3]);
  expect(after[3]).toMatchObject({ type: "line", row: { settle: { seq: 4 } } });
  // A child's settle changes its action's group too: the header is replaced, with the settled child.
  const settled = timelineRows(log, all);
  expect(settled[0]).not.toBe(after[0]);
  expect(settled[2]).toMatchObject({ type: "child", row: { settle: { seq: 5 } } });
  expect(settled[3]).toBe(after[3]);
});
