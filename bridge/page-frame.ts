/*
 * How a page message travels: its JSON text in an envelope the relays can check and route without
 * reading the body (PageFrameSchema). The page posts a string instead of an object graph, so the
 * page, the content script and the service worker (all on hot paths: the first two share the
 * page's main thread) pay for one JSON.stringify and some string copies; the panel, the one
 * consumer, parses the body and validates it in full. Entries and frequent events are rows in the
 * body (frame-rows.ts).
 */
import { checkedEntries, checkedEvents, entriesToRows, eventsToRows, rowsToEntries, rowsToEvents } from "./frame-rows.ts";
import { MAX_REASON, PAGE_SOURCE, PROTOCOL, parseDecodedPageMessage, parsePageFrame, type PageFrame, type PageMessage, type Parsed } from "./protocol.ts";

export const pageFrame = (message: PageMessage): PageFrame => ({
  source: PAGE_SOURCE,
  protocol: PROTOCOL,
  kind: message.kind,
  json: JSON.stringify("events" in message ? { ...message, events: eventsToRows(message.events), ...entriesToRows(message.entries) } : message),
});

/**
 * A frame and the message in it, validated in full: the body must be the message the envelope
 * says. A receiver that keeps only the newest `keepEvents` events of a snapshot has the older ones
 * left out unvalidated, rather than validating what it would throw away.
 */
export function decodePageFrame(data: unknown, keepEvents = Infinity): Parsed<PageMessage> {
  const frame = parsePageFrame(data);
  if (!frame.ok) return frame;
  let body: Body;
  try {
    body = JSON.parse(frame.message.json) as Body;
  } catch (error) {
    return { ok: false, reason: `json: ${String(error).slice(0, MAX_REASON - 6)}` };
  }
  // decodeRows lets go of rows it has read, so their reason comes from a fresh parse (rare: invalid input).
  const parsed = hasRows(body)
    ? (decodeRows(body, keepEvents) ?? decodeForReason(JSON.parse(frame.message.json), keepEvents))
    : decodeForReason(body, keepEvents);
  if (parsed.ok && parsed.message.kind !== frame.message.kind) {
    return { ok: false, reason: `kind: the frame says ${frame.message.kind}, its body ${parsed.message.kind}` };
  }
  return parsed;
}

type Body = { kind?: unknown; events?: unknown; entries?: unknown; timeBase?: unknown } | null;
/** A row's seq and time are relative to the event before it: the rows left out are still read for them. */
const kept = (body: Body, keepEvents: number) => (body?.kind === "snapshot" ? keepEvents : Infinity);

type RowsBody = { kind: "snapshot" | "batch"; events: unknown[] | undefined; entries: unknown[]; timeBase?: unknown };
const hasRows = (body: Body): body is RowsBody =>
  (body?.kind === "snapshot" || body?.kind === "batch") && Array.isArray(body.events) && Array.isArray(body.entries);

/** The fast way: rows checked as they are read, the rest of the message by the schema; undefined if anything fails. */
function decodeRows(body: RowsBody, keepEvents: number): Parsed<PageMessage> | undefined {
  const events = checkedEvents(body.events!, kept(body, keepEvents));
  // A snapshot's 100,000 event rows are garbage once read: unreferenced now, they are not copied
  // by every young-generation collection that decoding the entries and the first render cause.
  body.events = undefined;
  const entries = events && checkedEntries(body.entries, body.timeBase);
  if (!entries) return undefined;
  const parsed = parseDecodedPageMessage({ ...body, events: [], entries: [] });
  if (!parsed.ok || (parsed.message.kind !== "snapshot" && parsed.message.kind !== "batch")) return undefined;
  return { ok: true, message: { ...parsed.message, events, entries } };
}

/** Rows read back into objects, then the whole message checked by the schema: its first issue is the reason. */
function decodeForReason(body: Body, keepEvents: number): Parsed<PageMessage> {
  if (Array.isArray(body?.events)) body.events = rowsToEvents(body.events, kept(body, keepEvents));
  if (Array.isArray(body?.entries)) body.entries = rowsToEntries(body.entries, body.timeBase);
  return parseDecodedPageMessage(body);
}
