/*
 * The fetches of one key, paired start with settle, newest first: the details pane's history.
 */
import type { DevtoolsEvent } from "../../bridge/protocol.ts";
import type { LogItem } from "../store.ts";

export interface FetchRecord {
  fetchId: number;
  time: number;
  cause: string;
  ms?: number;
  ok?: boolean;
}

export function fetchHistory(log: readonly LogItem[], key: string): FetchRecord[] {
  const byId = new Map<number, FetchRecord>();
  for (const item of log) {
    if (!("key" in item) || item.key !== key) continue;
    const event = item as DevtoolsEvent;
    if (event.kind === "fetch-start") {
      const by = event.revalidation ? ` (${event.revalidation.kind === "action" ? `action #${event.revalidation.actionId}` : event.revalidation.kind})` : "";
      byId.set(event.fetchId, { fetchId: event.fetchId, time: event.time, cause: event.cause + by });
    } else if (event.kind === "fetch-settle") {
      const record = byId.get(event.fetchId);
      if (record) Object.assign(record, { ms: event.ms, ok: event.ok });
    }
  }
  return [...byId.values()].reverse();
}
