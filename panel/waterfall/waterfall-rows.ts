/*
 * The event log as waterfall rows: each fetch a bar from its start to its settle, grouped under
 * the action that caused it (the action's own span on the group's row, its invalidations, value
 * writes and revalidation as ticks there), and fetches of one cause that start together (a
 * navigation's, a preload's, an app revalidation's: the protocol names no navigation, so "together"
 * is within BURST_MS of the first) under one row of their own. Built on the timeline's grouping
 * (build-timeline.ts), so both views tell the same story. Pure and linear.
 */
import type { Preview } from "../../bridge/preview-schema.ts";
import type { DevtoolsEvent } from "../../bridge/protocol.ts";
import { reuseRows } from "../reuse-rows.ts";
import type { LogItem } from "../store.ts";
import { buildTimeline, type ActionRow, type EventRow, type FetchRow } from "../timeline/build-timeline.ts";
import { keyMatches } from "../timeline/timeline-rows.ts";
import type { Extent } from "./time-window.ts";

export type Outcome = "ok" | "error" | "pending";

type TickKind = "invalidated" | "value-set" | "revalidate" | "action-response" | "marker";
type Event<K extends DevtoolsEvent["kind"] | "marker"> = Extract<LogItem, { kind: K }>;

/** An instant on a row: an invalidation, a value write, a revalidation, a response, a marker. */
export interface Tick {
  time: number;
  kind: TickKind;
  /** The log item it stands for. */
  item: Event<TickKind>;
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
  /** Its fetch-start (see `causeOf`); a settle whose start left the log has none. */
  started?: Event<"fetch-start">;
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

function sameCause(a: FetchBar, b: FetchBar): boolean {
  const x = a.started;
  const y = b.started;
  if (!x || !y) return x === y;
  return x.cause === y.cause && x.revalidation?.kind === y.revalidation?.kind && x.revalidation?.actionId === y.revalidation?.actionId;
}

const outcomeOf = (settle: { ok: boolean } | undefined): Outcome => (settle ? (settle.ok ? "ok" : "error") : "pending");

/** Why a fetch ran, in words: computed for the rows on screen and for grouping, never stored. */
export function causeOf(bar: FetchBar): string {
  if (!bar.started) return "started before the log";
  const revalidation = bar.started.revalidation;
  if (!revalidation) return bar.started.cause === "initial" ? "first load" : bar.started.cause;
  if (revalidation.kind === "action") return `revalidated by action #${revalidation.actionId}`;
  return revalidation.kind === "devtools" ? "revalidated from devtools" : "revalidated by the app";
}

function fetchBar(row: FetchRow): FetchBar {
  return {
    type: "fetch",
    id: row.start,
    key: row.start.key,
    started: row.start,
    start: row.start.time,
    end: row.settle?.time,
    outcome: outcomeOf(row.settle),
    error: row.settle?.error,
    actionId: row.start.revalidation?.actionId,
    grouped: false,
    ticks: [],
  };
}

const TICK_KINDS = new Set<string>(["invalidated", "value-set", "revalidate", "marker"]);
const tickOf = (row: EventRow): Tick | undefined =>
  TICK_KINDS.has(row.event.kind) ? { time: row.time, kind: row.event.kind as TickKind, item: row.event as Event<TickKind> } : undefined;

/** A tick in words, for the tooltip. */
export function tickText(tick: Tick): string {
  const item = tick.item;
  switch (item.kind) {
    case "invalidated":
      return `marked stale: ${item.keys.join(", ")}`;
    case "value-set":
      return `value ${item.via === "set" ? "set by query.set" : "stored"}: ${item.key}`;
    case "revalidate":
      return `revalidate ${item.requested === null ? "all" : item.requested.join(", ")}: refetching ${item.active.length}`;
    case "action-response":
      return "response";
    case "marker":
      return item.text;
  }
}

function tickKeys(tick: Tick): readonly string[] {
  const item = tick.item;
  return item.kind === "invalidated" ? item.keys : item.kind === "revalidate" ? item.matched : item.kind === "value-set" ? [item.key] : [];
}

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
        label: `${causeOf(first)} · ${burst.length} fetches`,
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
    if (burst.length && (bar.start - burst[0].start > BURST_MS || !sameCause(burst[0], bar))) flush();
    burst.push(bar);
  };
  const addAction = (action: ActionRow) => {
    const fetches = action.children.filter((child): child is FetchRow => child.type === "fetch").map(fetchBar);
    const ticks = action.children.flatMap((child) => (child.type === "event" ? (tickOf(child) ?? []) : []));
    if (action.response) ticks.push({ time: action.response.time, kind: "action-response", item: action.response });
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

  const timeline = buildTimeline(log);
  for (let i = 0; i < timeline.length; i++) {
    const row = timeline[i];
    if (row.type === "action") addAction(row);
    else if (row.type === "fetch") addFetch(fetchBar(row));
    else if (row.event.kind === "fetch-settle") {
      // Its start fell out of the log: the settle says how long it ran.
      const settle = row.event;
      addFetch({ type: "fetch", id: settle, key: settle.key, start: settle.time - settle.ms, end: settle.time, outcome: outcomeOf(settle), error: settle.error, grouped: false, ticks: [] });
    } else {
      const tick = tickOf(row);
      if (!tick || (tick.kind !== "marker" && !tickKeys(tick).some(matches))) continue;
      flush();
      rows.push({ type: "ticks", id: tick.item, label: tick.item.kind === "marker" ? tick.item.text : tick.kind, start: tick.time, end: tick.time, ticks: [tick] });
    }
  }
  flush();
  const stableRows = rows.map(stable);
  return { rows: stableRows, ...extentOf(stableRows) };
}

/** The row built for the same log item last time, if nothing in it changed (a settle, a new tick). */
const stable = reuseRows<WaterfallRow>((row) => row.id, sameRow);
function sameRow(a: WaterfallRow, b: WaterfallRow): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const field in y) if (field !== "ticks" && x[field] !== y[field]) return false;
  return a.ticks.length === b.ticks.length && a.ticks.every((tick, i) => tick.item === b.ticks[i].item);
}

function extentOf(rows: readonly WaterfallRow[]): Pick<Waterfall, "extent" | "pending"> {
  if (!rows.length) return { pending: false };
  let start = Infinity;
  let end = -Infinity;
  let pending = false;
  // Indexed loops: a snapshot's first render runs this over every row before it is optimized.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    start = Math.min(start, row.start);
    end = Math.max(end, row.end ?? row.start);
    for (let t = 0; t < row.ticks.length; t++) end = Math.max(end, row.ticks[t].time);
    if (row.end === undefined) pending = true;
  }
  return { extent: { start, end }, pending };
}
