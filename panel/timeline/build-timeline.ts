/*
 * Turns the flat event log into timeline rows: a fetch's start and settle become one row, and
 * everything an action caused (its response, the keys it invalidated, the values it set, its
 * revalidation and the refetches that followed) is nested under that action. Pure and linear.
 */
import type { DevtoolsEvent } from "../../bridge/protocol.ts";
import type { LogItem, Marker } from "../store.ts";

type Event<K extends DevtoolsEvent["kind"]> = Extract<DevtoolsEvent, { kind: K }>;

export interface FetchRow {
  type: "fetch";
  seq: number;
  time: number;
  start: Event<"fetch-start">;
  settle?: Event<"fetch-settle">;
}
export interface EventRow {
  type: "event";
  seq: number;
  time: number;
  event: DevtoolsEvent | Marker;
  /** For a `query.set` of a promise: the router storing its awaited value later (the end of the same write). */
  awaited?: Event<"value-set">;
}
export interface ActionRow {
  type: "action";
  seq: number;
  time: number;
  start: Event<"action-start">;
  response?: Event<"action-response">;
  settle?: Event<"action-settle">;
  children: (FetchRow | EventRow)[];
}
export type TimelineRow = FetchRow | EventRow | ActionRow;

export function buildTimeline(log: readonly LogItem[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const actions = new Map<number, ActionRow>();
  const fetches = new Map<number, FetchRow>();
  /** The latest `query.set` line per key, which its awaited value joins. */
  const sets = new Map<string, EventRow>();

  const place = (row: FetchRow | EventRow, actionId: number | undefined) => {
    const action = actionId === undefined ? undefined : actions.get(actionId);
    (action ? action.children : rows).push(row);
  };

  for (const item of log) {
    switch (item.kind) {
      case "action-start": {
        const row: ActionRow = { type: "action", seq: item.seq, time: item.time, start: item, children: [] };
        actions.set(item.id, row);
        rows.push(row);
        break;
      }
      case "action-response":
      case "action-settle": {
        const row = actions.get(item.id);
        if (row) row[item.kind === "action-response" ? "response" : "settle"] = item as never;
        else rows.push({ type: "event", seq: item.seq, time: item.time, event: item });
        break;
      }
      case "fetch-start": {
        const row: FetchRow = { type: "fetch", seq: item.seq, time: item.time, start: item };
        fetches.set(item.fetchId, row);
        place(row, item.revalidation?.actionId);
        break;
      }
      case "fetch-settle": {
        const row = fetches.get(item.fetchId);
        if (row) {
          row.settle = item;
          fetches.delete(item.fetchId);
        } else rows.push({ type: "event", seq: item.seq, time: item.time, event: item });
        break;
      }
      case "revalidate":
        place({ type: "event", seq: item.seq, time: item.time, event: item }, item.cause.actionId);
        break;
      case "value-set": {
        const set = item.via === "awaited" ? sets.get(item.key) : undefined;
        sets.delete(item.key);
        if (set && !set.awaited) {
          set.awaited = item;
          break;
        }
        const row: EventRow = { type: "event", seq: item.seq, time: item.time, event: item };
        if (item.via === "set") sets.set(item.key, row);
        place(row, item.actionId);
        break;
      }
      case "invalidated":
        place({ type: "event", seq: item.seq, time: item.time, event: item }, item.actionId);
        break;
      default:
        rows.push({ type: "event", seq: item.seq, time: item.time, event: item });
    }
  }
  return rows;
}
