/*
 * Groups cache entries by query (the router's `query.key`) for the queries view, with a summary
 * per group. Pure: the view and its tests share it.
 */
import type { Entry, EntryStatus } from "../../bridge/protocol.ts";

export interface QueryGroup {
  name: string;
  entries: Entry[];
  counts: Record<EntryStatus, number>;
  observers: number;
}

export function groupEntries(entries: Iterable<Entry>, filter = ""): QueryGroup[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, QueryGroup>();
  for (const entry of entries) {
    if (needle && !entry.key.toLowerCase().includes(needle)) continue;
    let group = groups.get(entry.query);
    if (!group) {
      group = { name: entry.query, entries: [], counts: { pending: 0, ready: 0, error: 0, stale: 0 }, observers: 0 };
      groups.set(entry.query, group);
    }
    group.entries.push(entry);
    group.counts[entry.status]++;
    group.observers += entry.observers;
  }
  const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const group of sorted) group.entries.sort((a, b) => a.key.localeCompare(b.key));
  return sorted;
}
