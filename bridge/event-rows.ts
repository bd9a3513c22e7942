/*
 * In a frame, the frequent event kinds travel as rows, `[kind, seq, time, key, ...fields]`, not
 * as objects: about half the characters, and the page's JSON.stringify, its window copy and the
 * content script's re-encoding for the extension port (all on the page's main thread) scale with
 * them. Rare kinds stay objects. The panel turns rows back into events before validating them, so
 * the schemas and everything above the frame see one event shape.
 */
import type { DevtoolsEvent } from "./protocol.ts";

/** Per frequent kind, the fields after seq, time and key, in row order. None of them is ever null. */
const ROW_FIELDS = {
  "entry-created": ["query", "intent"],
  "fetch-start": ["fetchId", "cause", "revalidation"],
  "fetch-settle": ["fetchId", "ok", "ms", "error"],
  "value-set": ["via", "actionId"],
  invalidated: ["actionId"],
  observers: ["count"],
  "entry-removed": ["reason"],
} as const satisfies Partial<Record<DevtoolsEvent["kind"], readonly string[]>>;
type RowKind = keyof typeof ROW_FIELDS;
const ROW_KINDS = Object.keys(ROW_FIELDS) as RowKind[];
const rowKind = new Map<string, number>(ROW_KINDS.map((kind, i) => [kind, i]));
const HEAD = 4;

/** A frequent kind's row (absent trailing fields left off), any other event as it is. */
export function toRow(event: DevtoolsEvent): unknown {
  const index = rowKind.get(event.kind);
  if (index === undefined) return event;
  const fields = event as unknown as Record<string, unknown>;
  const row: unknown[] = [index, event.seq, event.time, fields.key];
  for (const field of ROW_FIELDS[ROW_KINDS[index]]) row.push(fields[field]);
  while (row.length > HEAD && row[row.length - 1] === undefined) row.pop();
  return row;
}

/** A row back to its event; anything else (an object, a malformed row) is left for the schema to judge. */
export function fromRow(item: unknown): unknown {
  if (!Array.isArray(item) || !Number.isInteger(item[0])) return item;
  const kind = ROW_KINDS[item[0] as number];
  if (kind === undefined) return item;
  const fields = ROW_FIELDS[kind];
  if (item.length < HEAD || item.length > HEAD + fields.length) return item;
  const event: Record<string, unknown> = { kind, seq: item[1], time: item[2], key: item[3] };
  for (let i = 0; i < fields.length; i++) {
    const value = item[HEAD + i];
    if (value !== null && value !== undefined) event[fields[i]] = value;
  }
  return event;
}
