/*
 * The event log as waterfall rows: each fetch a bar from its start to its settle, grouped under
 * the action that caused it (the action's own span on the group's row, its invalidations, value
 * writes and revalidation as ticks there), and fetches of one cause that start together (a
 * navigation's, a preload's, an app revalidation's: the protocol names no navigation, so "together"
 * is within BURST_MS of the first) under one row of their own. Built on the timeline's grouping
 * (build-timeline.ts), so both views tell the same story. Pure and linear.
 */
import type { Preview } from "../../bridge/preview-schema.ts";
import type { LogItem } from "../store.ts";
import { buildTimeline, type ActionRow, type EventRow, type FetchRow } from "../timeline/build-timeline.ts";
import { keyMatches } from "../timeline/timeline-rows.ts";
import type { Extent } from "./time-window.ts";

export type Outcome = "ok" | "error" | "pending";

/** An instant on a row: an invalidation, a value write, a revalidation, a response, a marker. */
export interface Tick {
  time: number;
  kind: "invalidated" | "value-set" | "revalidate" | "action-response" | "marker";
  text: string;
  /** The log item it stands for. */
  item: object;
}

interface Span {
  /** What the row stands for (the log item that starts it): stable across rebuilds. */
  id: object;
  start: number;
  /** Unset while in flight. */
  end?: number;
  ticks: Tick[];
}
export interface GroupBar extends Span {
  type: "group";
  label: string;
  outcome: Outcome;
  /** Set for an action's group. */
  actionId?: number;
  fetches: number;
}
export interface FetchBar extends Span {
  type: "fetch";
  key: string;
  cause: string;
  outcome: Outcome;
  error?: Preview;
  /** The action that caused it, if any. */
  actionId?: number;
  /** Whether it is listed under a group's row. */
  grouped: boolean;
}
/** A row holding one instant outside any group (a page load, an invalidation by the app). */
export interface TickRow extends Span {
  type: "ticks";
  label: string;
}
export type WaterfallRow = GroupBar | FetchBar | TickRow;

export interface Waterfall {
  rows: WaterfallRow[];
  /** Undefined with nothing to draw. */
  extent?: Extent;
  /** Whether a fetch or action is still in flight (its bar runs to the end of the axis). */
  pending: boolean;
}

/** Fetches of one cause starting within this many ms of a group's first are one group. */
export const BURST_MS = 100;

const outcomeOf = (settle: { ok: boolean } | undefined): Outcome => (settle ? (settle.ok ? "ok" : "error") : "pending");

function causeOf(row: FetchRow): string {
  const revalidation = row.start.revalidation;
  if (!revalidation) return row.start.cause === "initial" ? "first load" : row.start.cause;
  if (revalidation.kind === "action") return `revalidated by action #${revalidation.actionId}`;
  return revalidation.kind === "devtools" ? "revalidated from devtools" : "revalidated by the app";
}

function fetchBar(row: FetchRow): FetchBar {
  return {
    type: "fetch",
    id: row.start,
    key: row.start.key,
    cause: causeOf(row),
    start: row.start.time,
    end: row.settle?.time,
    outcome: outcomeOf(row.settle),
    error: row.settle?.error,
    actionId: row.start.revalidation?.actionId,
    grouped: false,
    ticks: [],
  };
}

function tickOf(row: EventRow): Tick | undefined {
  const event = row.event;
  switch (event.kind) {
    case "invalidated":
      return { time: row.time, kind: event.kind, text: `marked stale: ${event.keys.join(", ")}`, item: event };
    case "value-set":
      return { time: row.time, kind: event.kind, text: `value ${event.via === "set" ? "set by query.set" : "stored"}: ${event.key}`, item: event };
    case "revalidate":
      return { time: row.time, kind: event.kind, text: `revalidate ${event.requested === null ? "all" : event.requested.join(", ")}: refetching ${event.active.length}`, item: event };
    case "marker":
      return { time: row.time, kind: "marker", text: event.text, item: event };
    default:
      return undefined;
  }
}

const tickKeys = (tick: Tick): readonly string[] => {
  const item = tick.item as { keys?: string[]; key?: string; matched?: string[] };
  return item.keys ?? item.matched ?? (item.key === undefined ? [] : [item.key]);
};

/** A token per log item for a group's row, which has no log item of its own. */
const groupTokens = new WeakMap<object, object>();
function groupId(first: object): object {
  let token = groupTokens.get(first);
  if (!token) groupTokens.set(first, (token = {}));
  return token;
}

/** `needle`: the filter text, trimmed and lower case (see the timeline's `needleOf`). */
export function buildWaterfall(log: readonly LogItem[], needle = ""): Waterfall {
  const rows: WaterfallRow[] = [];
  const matches = (key: string) => !needle || keyMatches(key, needle);
  let burst: FetchBar[] = [];

  const flush = () => {
    if (burst.length > 1) {
      const first = burst[0];
      rows.push({
        type: "group",
        id: groupId(first.id),
        label: `${first.cause} · ${burst.length} fetches`,
        start: first.start,
        end: burst.reduce<number | undefined>((end, bar) => (end === undefined || bar.end === undefined ? undefined : Math.max(end, bar.end)), first.start),
        outcome: burst.some((bar) => bar.outcome === "error") ? "error" : burst.some((bar) => bar.outcome === "pending") ? "pending" : "ok",
        fetches: burst.length,
        ticks: [],
      });
      for (const bar of burst) bar.grouped = true;
    }
    for (const bar of burst) rows.push(bar);
    burst = [];
  };
  const addFetch = (bar: FetchBar) => {
    if (!matches(bar.key)) return;
    if (burst.length && (burst[0].cause !== bar.cause || bar.start - burst[0].start > BURST_MS)) flush();
    burst.push(bar);
  };
  const addAction = (action: ActionRow) => {
    const fetches = action.children.filter((child): child is FetchRow => child.type === "fetch").map(fetchBar);
    const ticks = action.children.flatMap((child) => (child.type === "event" ? (tickOf(child) ?? []) : []));
    if (action.response) ticks.push({ time: action.response.time, kind: "action-response", text: "response", item: action.response });
    if (needle && !action.start.name.toLowerCase().includes(needle) && !fetches.some((bar) => matches(bar.key)) && !ticks.some((tick) => tickKeys(tick).some(matches))) return;
    flush();
    rows.push({
      type: "group",
      id: action.start,
      label: `${action.start.name} #${action.start.id}`,
      start: action.time,
      end: action.settle?.time,
      outcome: outcomeOf(action.settle),
      actionId: action.start.id,
      fetches: fetches.length,
      ticks: ticks.sort((a, b) => a.time - b.time),
    });
    for (const bar of fetches) rows.push({ ...bar, grouped: true });
  };

  for (const row of buildTimeline(log)) {
    if (row.type === "action") addAction(row);
    else if (row.type === "fetch") addFetch(fetchBar(row));
    else if (row.event.kind === "fetch-settle") {
      // Its start fell out of the log: the settle says how long it ran.
      const settle = row.event;
      addFetch({ type: "fetch", id: settle, key: settle.key, cause: "started before the log", start: settle.time - settle.ms, end: settle.time, outcome: outcomeOf(settle), error: settle.error, grouped: false, ticks: [] });
    } else {
      const tick = tickOf(row);
      if (!tick || (tick.kind !== "marker" && !tickKeys(tick).some(matches))) continue;
      flush();
      rows.push({ type: "ticks", id: tick.item, label: tick.kind === "marker" ? tick.text : tick.kind, start: tick.time, end: tick.time, ticks: [tick] });
    }
  }
  flush();
  return { rows, ...extentOf(rows) };
}

function extentOf(rows: readonly WaterfallRow[]): Pick<Waterfall, "extent" | "pending"> {
  if (!rows.length) return { pending: false };
  let start = Infinity;
  let end = -Infinity;
  let pending = false;
  for (const row of rows) {
    start = Math.min(start, row.start);
    end = Math.max(end, row.end ?? row.start);
    for (const tick of row.ticks) end = Math.max(end, tick.time);
    if (row.end === undefined) pending = true;
  }
  return { extent: { start, end }, pending };
}
