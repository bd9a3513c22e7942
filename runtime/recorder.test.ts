/* The recorder joins the entries one walk over the cache invalidates into one event, never out of order. */
import { expect, test } from "vitest";
import { MAX_INVALIDATED_KEYS } from "../bridge/protocol.ts";
import { Recorder } from "./recorder.ts";

const shape = (recorder: Recorder) =>
  recorder.recent().map((e) => (e.kind === "invalidated" ? `invalidated ${e.keys.length} by ${e.actionId}` : e.kind));

test("a walk's invalidations are one event, recorded before the next event with its own seq", () => {
  const recorder = new Recorder(100);
  let notices = 0;
  recorder.onRecord(() => notices++);
  recorder.invalidated("a", 1);
  recorder.invalidated("b", 1);
  expect(notices).toBe(1);
  recorder.fetchStart("a", 1, "revalidate", undefined);
  recorder.invalidated("c", undefined);
  recorder.invalidationDone();
  recorder.invalidated("d", undefined);
  recorder.invalidated("e", 2);
  const events = recorder.recent();
  expect(events.map((e) => [e.seq, e.kind, "keys" in e ? e.keys : "key" in e ? e.key : undefined])).toEqual([
    [1, "invalidated", ["a", "b"]],
    [2, "fetch-start", "a"],
    [3, "invalidated", ["c"]],
    [4, "invalidated", ["d"]],
    [5, "invalidated", ["e"]],
  ]);
  expect(events[0].time).toBeLessThanOrEqual(events[1].time);
  expect(recorder.lastSeq).toBe(5);
});

test("a long walk is split at MAX_INVALIDATED_KEYS; reading the history or clearing it ends the open event", () => {
  const recorder = new Recorder(100);
  for (let i = 0; i < MAX_INVALIDATED_KEYS * 2 + 5; i++) recorder.invalidated(`k${i}`, 3);
  expect(recorder.lastSeq).toBe(3);
  expect(shape(recorder)).toEqual([`invalidated ${MAX_INVALIDATED_KEYS} by 3`, `invalidated ${MAX_INVALIDATED_KEYS} by 3`, "invalidated 5 by 3"]);
  recorder.invalidated("x", undefined);
  expect(recorder.since(3).events.map((e) => e.kind)).toEqual(["invalidated"]);
  recorder.invalidated("y", undefined);
  recorder.clear();
  expect(recorder.recent()).toEqual([]);
  expect(recorder.since(0)).toEqual({ events: [], missed: 0 });
});

test("listeners hear of a walk's invalidation when it ends", () => {
  const recorder = new Recorder(100);
  const heard: string[][] = [];
  recorder.subscribe((e) => e.kind === "invalidated" && heard.push(e.keys));
  recorder.invalidated("a", undefined);
  recorder.invalidated("b", undefined);
  expect(heard).toEqual([]);
  recorder.invalidationDone();
  expect(heard).toEqual([["a", "b"]]);
});
