/*
 * The queries view as flat rows for a virtual list: a header per query (`query.key`) followed by
 * its instances, filtered by text and status and sorted, with status counts for the summary bar.
 * Pure: the view, keyboard navigation and tests share it.
 */
import type { Entry, EntryStatus } from "../../bridge/protocol.ts";

/** The router's states plus "inactive": no observers, so the router may garbage-collect it. */
export type RowStatus = EntryStatus | "inactive";
export const ROW_STATUSES: RowStatus[] = ["pending", "ready", "error", "stale", "inactive"];
export type SortKey = "name" | "updated" | "fetches";

export interface GroupRow {
  type: "group";
  name: string;
  instances: number;
  observers: number;
  /** Where its `query(…)` is defined (a source site id), when an instance says. */
  definedAt?: number;
}
export interface EntryRow {
  type: "entry";
  entry: Entry;
}
export type QueryRow = GroupRow | EntryRow;

export interface RowOptions {
  text: string;
  /** Statuses shown; empty means all. */
  statuses: ReadonlySet<RowStatus>;
  sort: SortKey;
}

export const rowStatus = (entry: Entry): RowStatus =>
  entry.observers === 0 && entry.status === "ready" ? "inactive" : entry.status;

export function statusCounts(entries: readonly Entry[]): Record<RowStatus, number> {
  const counts = { pending: 0, ready: 0, error: 0, stale: 0, inactive: 0 };
  for (const entry of entries) counts[rowStatus(entry)]++;
  return counts;
}

const order: Record<SortKey, (a: Entry, b: Entry) => number> = {
  name: (a, b) => a.key.localeCompare(b.key),
  updated: (a, b) => b.updatedAt - a.updatedAt || a.key.localeCompare(b.key),
  fetches: (a, b) => b.fetches - a.fetches || a.key.localeCompare(b.key),
};

export function queryRows(entries: readonly Entry[], options: RowOptions): QueryRow[] {
  const needle = options.text.trim().toLowerCase();
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (needle && !entry.key.toLowerCase().includes(needle)) continue;
    if (options.statuses.size && !options.statuses.has(rowStatus(entry))) continue;
    const list = groups.get(entry.query);
    if (list) list.push(entry);
    else groups.set(entry.query, [entry]);
  }
  const rows: QueryRow[] = [];
  const lead = (list: Entry[]) => list[0];
  const sorted = [...groups].map(([name, list]) => [name, list.sort(order[options.sort])] as const);
  sorted.sort(([a, la], [b, lb]) => (options.sort === "name" ? a.localeCompare(b) : order[options.sort](lead(la), lead(lb))));
  for (const [name, list] of sorted) {
    const definedAt = list.find((entry) => entry.definedAt !== undefined)?.definedAt;
    rows.push({ type: "group", name, instances: list.length, observers: list.reduce((n, e) => n + e.observers, 0), definedAt });
    for (const entry of list) rows.push({ type: "entry", entry });
  }
  return rows;
}
