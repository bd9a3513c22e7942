/*
 * The timeline as flat rows for a virtual list: each action becomes a header, a summary line and
 * its nested children; filters by key/query text and by kind apply to whole groups. Pure, but for
 * reusing the row objects of the previous build where nothing shown changed.
 */
import { reuseRows } from "../reuse-rows.ts";
import type { LogItem } from "../store.ts";
import { buildTimeline, type ActionRow, type EventRow, type FetchRow, type TimelineRow } from "./build-timeline.ts";

export type KindFilter = "actions" | "fetches" | "revalidations" | "entries" | "observers";
export const KIND_FILTERS: KindFilter[] = ["actions", "fetches", "revalidations", "entries", "observers"];

export type DisplayRow =
  | { type: "action"; row: ActionRow }
  | { type: "summary"; row: ActionRow }
  | { type: "child"; row: FetchRow | EventRow; actionId: number }
  | { type: "line"; row: FetchRow | EventRow };

export interface TimelineFilter {
  text: string;
  kinds: ReadonlySet<KindFilter>;
}

function kindOf(row: TimelineRow): KindFilter | "marker" {
  if (row.type === "action") return "actions";
  if (row.type === "fetch") return "fetches";
  const kind = row.event.kind;
  if (kind === "marker") return "marker";
  if (kind === "revalidate") return "revalidations";
  if (kind === "observers") return "observers";
  if (kind.startsWith("action-")) return "actions";
  if (kind.startsWith("fetch-")) return "fetches";
  return "entries";
}

function keysOf(row: FetchRow | EventRow): readonly string[] {
  if (row.type === "fetch") return [row.start.key];
  const event = row.event;
  if ("key" in event) return [event.key];
  if (event.kind === "invalidated") return event.keys;
  if (event.kind === "revalidate") return [...(event.requested ?? []), ...event.matched];
  return [];
}

/** Whether a key matches the filter text (already trimmed and lower case). */
export const keyMatches = (key: string, needle: string) => key.toLowerCase().includes(needle);

function matchesText(row: TimelineRow, needle: string): boolean {
  if (!needle) return true;
  if (row.type === "action") {
    return row.start.name.toLowerCase().includes(needle) || row.children.some((child) => matchesText(child, needle));
  }
  return keysOf(row).some((key) => keyMatches(key, needle));
}

/** The filter text as rows are matched against it. */
export const needleOf = (text: string) => text.trim().toLowerCase();

export function timelineRows(log: readonly LogItem[], filter: TimelineFilter): DisplayRow[] {
  const needle = needleOf(filter.text);
  const shown = (row: TimelineRow) => {
    const kind = kindOf(row);
    return (kind === "marker" || filter.kinds.has(kind)) && (kind === "marker" || matchesText(row, needle));
  };
  const rows: DisplayRow[] = [];
  for (const row of buildTimeline(log)) {
    if (!shown(row)) continue;
    if (row.type === "action") {
      rows.push(stable({ type: "action", row }), stable({ type: "summary", row }));
      for (const child of row.children) if (filter.kinds.has(kindOf(child) as KindFilter)) rows.push(stable({ type: "child", row: child, actionId: row.start.id }));
    } else rows.push(stable({ type: "line", row }));
  }
  return rows;
}

/**
 * What a display row stands for, unique among the rows: the log item that starts it (not its seq,
 * which each page of a preserved log starts again), and for an action's summary line a token of
 * that action's start.
 */
export function displayIdentity(display: DisplayRow): object {
  const first = display.row.type === "event" ? display.row.event : display.row.start;
  if (display.type !== "summary") return first;
  let token = summaryTokens.get(first);
  if (!token) summaryTokens.set(first, (token = {}));
  return token;
}
const summaryTokens = new WeakMap<object, object>();

/** The display row built for the same log item last time, if nothing in it changed (a settle). */
const stable = reuseRows<DisplayRow>(
  displayIdentity,
  (before, now) => before.type === now.type && (before as { actionId?: number }).actionId === (now as { actionId?: number }).actionId && sameRow(before.row, now.row),
);
function sameRow(a: TimelineRow, b: TimelineRow): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  if (Object.keys(x).length !== Object.keys(y).length) return false;
  for (const field in y) if (field !== "children" && x[field] !== y[field]) return false;
  if (a.type !== "action" || b.type !== "action") return true;
  return a.children.length === b.children.length && a.children.every((child, i) => sameRow(child, b.children[i]));
}
