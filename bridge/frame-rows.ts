/*
 * In a frame body, entries and the frequent event kinds travel as rows (arrays of their fields in
 * a fixed order) instead of objects: less than half the characters, and the page's JSON.stringify,
 * its window copy and the content script's re-encoding for the extension port (all on the page's
 * main thread) scale with them. Rare event kinds stay objects. The panel turns rows back into
 * objects before validating them, so the schemas and everything above the frame see one shape.
 * A row leaves absent trailing fields off and has null for an absent one in between: no field of
 * a row ever holds null. Fields with a few known values hold their index instead, and a fetch's
 * revalidation, shared by every fetch it started, is written out once per frame: a later row
 * holds 0 for "the same as the fetch-start row before".
 */
import { REJECTED, compileCheck, isOptional } from "./compiled-check.ts";
import {
  EntrySchema,
  EntryStatusSchema,
  EventSchema,
  FetchCauseSchema,
  PARSED_FAST_PATHS,
  RemovalReasonSchema,
  SimulatedStateSchema,
  ValueViaSchema,
  type DevtoolsEvent,
  type Entry,
} from "./protocol.ts";

/** Per frequent kind, the fields after kind, seq, time and key, in row order. */
const EVENT_FIELDS = {
  "entry-created": ["query", "intent"],
  "fetch-start": ["fetchId", "cause", "revalidation", "at"],
  "fetch-settle": ["fetchId", "ok", "ms", "stored", "error"],
  "value-set": ["via", "actionId", "at"],
  observers: ["count"],
  "entry-removed": ["reason", "at"],
} as const satisfies Partial<Record<DevtoolsEvent["kind"], readonly string[]>>;
type RowKind = keyof typeof EVENT_FIELDS;
const ROW_KINDS = Object.keys(EVENT_FIELDS) as RowKind[];
const rowKind = new Map<string, number>(ROW_KINDS.map((kind, i) => [kind, i]));
const EVENT_HEAD = 4;

const flag = [false, true];
/** Fields whose known values (strings, booleans) travel as their index; any other value travels as it is. */
const codes: Record<string, readonly unknown[]> = {
  cause: FetchCauseSchema.options,
  status: EntryStatusSchema.options,
  via: ValueViaSchema.options,
  reason: RemovalReasonSchema.options,
  // The router's intents, and a missing one as the runtime writes it.
  intent: ["initial", "native", "navigate", "preload", "undefined"],
  ok: flag,
  stored: flag,
  hydrated: flag,
  valueOmitted: flag,
  simulated: SimulatedStateSchema.options,
};
/** Per list of row fields, the codes of each field (undefined: none), in the same order. */
const aligned = new Map<readonly string[], (readonly unknown[] | undefined)[]>();
function codesFor(fields: readonly string[]): (readonly unknown[] | undefined)[] {
  let found = aligned.get(fields);
  if (!found) aligned.set(fields, (found = fields.map((field) => codes[field])));
  return found;
}
/** In a fetch-start row, "the revalidation of the fetch-start row before". */
const SAME_REVALIDATION = 0;

const ENTRY_FIELDS = [
  "key", "query", "args", "status", "updatedAt", "createdAt", "intent", "observers",
  "fetches", "lastFetchMs", "hydrated", "gcAt", "value", "valueOmitted", "error", "simulated",
  "definedAt", "readers",
] as const satisfies readonly (keyof Entry)[];

function fill(row: unknown[], source: Record<string, unknown>, fields: readonly string[]): unknown[] {
  const codes = codesFor(fields);
  for (let i = 0; i < fields.length; i++) {
    const value = source[fields[i]];
    const index = codes[i]?.indexOf(value) ?? -1;
    row.push(index === -1 ? value : index);
  }
  while (row.length && row[row.length - 1] === undefined) row.pop();
  // JSON writes an undefined array element as null, which `fields` reads back as absent.
  return row;
}

function read(row: unknown[], from: number, fields: readonly string[], into: Record<string, unknown>): Record<string, unknown> {
  const codes = codesFor(fields);
  for (let i = 0; i < fields.length; i++) {
    const raw = row[from + i];
    const known = codes[i];
    const value = typeof raw === "number" && known ? known[raw] : raw;
    if (value !== null && value !== undefined) into[fields[i]] = value;
  }
  return into;
}

/**
 * Events as a frame carries them: the frequent kinds as rows whose seq and time are the differences
 * from the event before (mostly 1 and a few milliseconds), any other event as it is.
 */
export function eventsToRows(events: readonly DevtoolsEvent[]): unknown[] {
  let seq = 0;
  let time = 0;
  let revalidation: unknown;
  return events.map((event) => {
    const index = rowKind.get(event.kind);
    const fields = event as unknown as Record<string, unknown>;
    let row: unknown[] | DevtoolsEvent = event;
    if (index !== undefined) {
      row = fill([index, event.seq - seq, event.time - time, fields.key], fields, EVENT_FIELDS[ROW_KINDS[index]]);
      if (event.kind === "fetch-start" && event.revalidation !== undefined) {
        if (event.revalidation === revalidation) row[EVENT_HEAD + 2] = SAME_REVALIDATION;
        revalidation = event.revalidation;
      }
    }
    seq = event.seq;
    time = event.time;
    return row;
  });
}

/**
 * Rows back to events, in order; anything else (an object, a malformed row) is left for the schema
 * to judge. Only the last `keep` become events: the ones before are read for the seq, time and
 * revalidation the kept ones are relative to, without building an object for each.
 */
export function rowsToEvents(items: readonly unknown[], keep = Infinity): unknown[] {
  const from = Math.max(0, items.length - keep);
  let { seq, time, revalidation } = skipRows(items, from);
  const events: unknown[] = [];
  for (let i = from; i < items.length; i++) {
    const item = items[i];
    const event = (isRow(item) ? rowToEvent(item, seq, time) : item) as { seq?: unknown; time?: unknown; kind?: unknown; revalidation?: unknown } | null;
    if (typeof event?.seq === "number") seq = event.seq;
    if (typeof event?.time === "number") time = event.time;
    if (isRow(item) && event?.kind === "fetch-start" && event.revalidation !== undefined) {
      if (event.revalidation === SAME_REVALIDATION) event.revalidation = revalidation;
      revalidation = event.revalidation;
    }
    events.push(event);
  }
  return events;
}

/** Reads the items before `from` for what the rows after them are relative to, without building an event. */
function skipRows(items: readonly unknown[], from: number): { seq: number; time: number; revalidation: unknown } {
  let seq = 0;
  let time = 0;
  let revalidation: unknown;
  for (let i = 0; i < from; i++) {
    const item = items[i];
    if (!isRow(item)) {
      const event = item as { seq?: unknown; time?: unknown } | null;
      if (typeof event?.seq === "number") seq = event.seq;
      if (typeof event?.time === "number") time = event.time;
      continue;
    }
    seq += item[1] as number;
    time += item[2] as number;
    const cause = item[EVENT_HEAD + 2];
    if (item[0] === FETCH_START && cause !== undefined && cause !== null && cause !== SAME_REVALIDATION) revalidation = cause;
  }
  return { seq, time, revalidation };
}

const FETCH_START = ROW_KINDS.indexOf("fetch-start");

/** A row of a frequent kind, as eventsToRows writes it; anything else is left for the schema to judge. */
function isRow(item: unknown): item is unknown[] {
  if (!Array.isArray(item) || !Number.isInteger(item[0]) || typeof item[1] !== "number" || typeof item[2] !== "number") return false;
  const kind = ROW_KINDS[item[0] as number];
  return kind !== undefined && item.length >= EVENT_HEAD && item.length <= EVENT_HEAD + EVENT_FIELDS[kind].length;
}

function rowToEvent(row: unknown[], seq: number, time: number): Record<string, unknown> {
  const kind = ROW_KINDS[row[0] as number];
  return read(row, EVENT_HEAD, EVENT_FIELDS[kind], { kind, seq: seq + (row[1] as number), time: time + (row[2] as number), key: row[3] });
}

/** Entry times that are milliseconds since the epoch, 0 for none (an invalidated entry's updatedAt). */
const ENTRY_TIMES = ["updatedAt", "createdAt", "gcAt"] as const;
/** Their places in an entry row. */
const ENTRY_TIME_COLUMNS = ENTRY_TIMES.map((field) => ENTRY_FIELDS.indexOf(field));

/**
 * Entries as a frame carries them: rows whose times are differences from the frame's `timeBase`
 * (a few digits instead of thirteen), just below the earliest, so that none is 0 but a 0 time.
 */
export function entriesToRows(entries: readonly Entry[]): { entries: unknown[]; timeBase: number } {
  let earliest = Infinity;
  for (const entry of entries) for (const field of ENTRY_TIMES) if (entry[field]) earliest = Math.min(earliest, entry[field]);
  const timeBase = earliest === Infinity ? 0 : earliest - 1;
  const rows = entries.map((entry) => {
    const row = fill([], entry as unknown as Record<string, unknown>, ENTRY_FIELDS);
    for (const i of ENTRY_TIME_COLUMNS) if (typeof row[i] === "number" && row[i] !== 0) row[i] = (row[i] as number) - timeBase;
    return row;
  });
  return { entries: rows, timeBase };
}

/** Rows back to entries; anything else (an object, a malformed row) is left for the schema to judge. */
export function rowsToEntries(items: readonly unknown[], timeBase: unknown): unknown[] {
  return items.map((item) => {
    if (!Array.isArray(item) || item.length > ENTRY_FIELDS.length) return item;
    const entry = read(item, 0, ENTRY_FIELDS, {});
    for (const field of ENTRY_TIMES) {
      const time = entry[field];
      if (typeof time === "number" && time !== 0 && typeof timeBase === "number") entry[field] = time + timeBase;
    }
    return entry;
  });
}

/**
 * Rows read and checked in one pass, for the panel's hot path (a snapshot: 10,000 entries and the
 * newest 10,000 events). Each field of a row is checked by the compiled check of its field in the
 * schema (compiled-check.ts) as it is read, and the object is built once, instead of building it
 * from the row and then copying it through the schema. Items that are objects go through the
 * compiled schema. The result is undefined where anything fails: the caller then reads the rows
 * as above and runs the schema for the reason. bridge/fuzz.test.ts holds both ways to one answer.
 */
type Check = (input: unknown) => unknown;
interface Reader {
  fields: readonly string[];
  codes: (readonly unknown[] | undefined)[];
  checks: Check[];
  required: boolean[];
  /** Entry times, relative to the frame's timeBase. */
  times: boolean[];
  /** The column where SAME_REVALIDATION may stand (-1: none): left for the caller. */
  same: number;
  /**
   * Every field, undefined: each object starts as a copy of it, so all objects of a kind share
   * one shape and reading a row stores into fields it has instead of adding them one by one.
   */
  template: Record<string, unknown>;
}
let readers: { events: Reader[]; eventHead: Check[]; event: Check; entry: Reader; entryObject: Check } | undefined;

/** Compiled on first use: the page, which only writes rows, never pays for it. */
function compiledReaders() {
  if (readers) return readers;
  const check = (schema: unknown) => compileCheck(schema as Parameters<typeof compileCheck>[0], PARSED_FAST_PATHS);
  const reader = (entries: Record<string, { type: string }>, fields: readonly string[], head: Record<string, unknown> = {}): Reader => ({
    fields,
    codes: codesFor(fields),
    checks: fields.map((field) => check(entries[field])),
    required: fields.map((field) => !isOptional(entries[field])),
    times: fields.map((field) => fields === ENTRY_FIELDS && (ENTRY_TIMES as readonly string[]).includes(field)),
    same: fields === EVENT_FIELDS["fetch-start"] ? fields.indexOf("revalidation") : -1,
    template: Object.fromEntries([...Object.entries(head), ...fields.map((field) => [field, undefined])]),
  });
  const options = new Map(EventSchema.options.map((option) => [option.entries.kind.literal, option.entries as unknown as Record<string, { type: string }>]));
  const fetchStart = options.get("fetch-start")!;
  readers = {
    events: ROW_KINDS.map((kind) => reader(options.get(kind)!, EVENT_FIELDS[kind], { kind, seq: 0, time: 0, key: "" })),
    // seq, time and key are checked alike in every kind that travels as a row.
    eventHead: [check(fetchStart.seq), check(fetchStart.time), check(fetchStart.key)],
    event: check(EventSchema),
    entry: reader(EntrySchema.entries as unknown as Record<string, { type: string }>, ENTRY_FIELDS),
    entryObject: check(EntrySchema),
  };
  return readers;
}

/** Reads `reader.fields` from `row` at `from` into `into`, checked; REJECTED on the first bad one. */
function readChecked(row: unknown[], from: number, reader: Reader, into: Record<string, unknown>, timeBase?: number): Record<string, unknown> | typeof REJECTED {
  const { fields, codes, checks, required, times, same } = reader;
  for (let i = 0; i < fields.length; i++) {
    const raw = row[from + i];
    if (i === same && raw === SAME_REVALIDATION) continue;
    const known = codes[i];
    let value = typeof raw === "number" && known ? known[raw] : raw;
    if (value === null || value === undefined) {
      if (required[i]) return REJECTED;
      continue;
    }
    if (times[i] && timeBase !== undefined && typeof value === "number" && value !== 0) value += timeBase;
    const checked = checks[i](value);
    if (checked === REJECTED) return REJECTED;
    into[fields[i]] = checked;
  }
  return into;
}

/** rowsToEvents and the schema's check of each kept event in one pass; undefined if any fails. */
export function checkedEvents(items: readonly unknown[], keep = Infinity): DevtoolsEvent[] | undefined {
  const { events: byKind, eventHead: [seqCheck, timeCheck, keyCheck], event: objectCheck } = compiledReaders();
  const from = Math.max(0, items.length - keep);
  // The newest revalidation written out, raw and (once a kept row names it) checked.
  let { seq, time, revalidation } = skipRows(items, from);
  let checkedRevalidation: unknown;
  const events: DevtoolsEvent[] = [];
  for (let i = from; i < items.length; i++) {
    const item = items[i];
    if (!isRow(item)) {
      const event = objectCheck(item) as DevtoolsEvent | typeof REJECTED;
      if (event === REJECTED) return undefined;
      seq = event.seq;
      time = event.time;
      events.push(event);
      continue;
    }
    seq += item[1] as number;
    time += item[2] as number;
    const index = item[0] as number;
    const reader = byKind[index];
    const head = { ...reader.template };
    head.seq = seqCheck(seq);
    head.time = timeCheck(time);
    head.key = keyCheck(item[3]);
    if (head.seq === REJECTED || head.time === REJECTED || head.key === REJECTED) return undefined;
    const event = readChecked(item, EVENT_HEAD, reader, head);
    if (event === REJECTED) return undefined;
    if (reader.same === -1) {
      events.push(event as DevtoolsEvent);
      continue;
    }
    const written = item[EVENT_HEAD + reader.same];
    if (written === SAME_REVALIDATION) {
      // "The same as the row before": checked once for all the rows that share it.
      if (revalidation !== undefined) {
        checkedRevalidation ??= reader.checks[reader.same](revalidation);
        if (checkedRevalidation === REJECTED) return undefined;
        event.revalidation = checkedRevalidation;
      }
    } else if (written !== undefined && written !== null) {
      revalidation = written;
      checkedRevalidation = event.revalidation;
    }
    events.push(event as DevtoolsEvent);
  }
  return events;
}

/** rowsToEntries and the schema's check of each entry in one pass; undefined if any fails. */
export function checkedEntries(items: readonly unknown[], timeBase: unknown): Entry[] | undefined {
  const { entry: reader, entryObject } = compiledReaders();
  const base = typeof timeBase === "number" ? timeBase : undefined;
  const entries: Entry[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const entry = !Array.isArray(item) || item.length > ENTRY_FIELDS.length ? entryObject(item) : readChecked(item, 0, reader, { ...reader.template }, base);
    if (entry === REJECTED) return undefined;
    entries.push(entry as Entry);
  }
  return entries;
}
