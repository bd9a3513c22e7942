/*
 * The whole message vocabulary between the page runtime and the devtools panel, in one place.
 * Every side validates what it receives against these schemas: page data is untrusted, and a
 * runtime and an extension of different releases may meet. Types are inferred from the schemas,
 * so a sender cannot misspell a kind or a field.
 */
import * as v from "valibot";
import { REJECTED, compiled } from "./compiled-check.ts";
import { PreviewSchema, checkParsedPreview, checkPreview, isPathSegment, type PathSegment } from "./preview-schema.ts";
import { SourceSiteSchema } from "./source-site.ts";

/** Each direction has its own tag, so a side never mistakes its own posts for the other's. */
export const PAGE_SOURCE = "solid-query-devtools:page";
export const PANEL_SOURCE = "solid-query-devtools:panel";
export const EXTENSION_SOURCE = "solid-query-devtools:extension";
export const PROTOCOL = 5;
/** Keys per invalidated event: a larger invalidation makes several events. */
export const MAX_INVALIDATED_KEYS = 1000;
/** Longest rejection reason kept: reasons may quote page data. */
export const MAX_REASON = 500;
/** Longest frame body, in characters: well below the 64 MiB an extension message may carry. */
export const MAX_FRAME = 32 * 1024 * 1024;

const Key = v.pipe(v.string(), v.maxLength(4096));
const Keys = v.pipe(v.array(Key), v.maxLength(10_000));
const Time = v.number();
const Path = v.array(v.custom<PathSegment>(isPathSegment, "Invalid path segment: expected a name or an index"));

export const FetchCauseSchema = v.picklist([
  /** No entry yet. */
  "initial",
  "preload",
  /** An expired entry read again by a navigation. */
  "navigation",
  /** An expired entry read again outside navigation (remount, createAsync re-run). */
  "expired",
  /** An invalidated entry refetched: see `revalidation` for who asked. */
  "revalidate",
]);

export const RevalidateCauseSchema = v.object({
  kind: v.picklist(["app", "action", "devtools"]),
  actionId: v.optional(v.number()),
  /** Site of the app's `revalidate(…)` call (source-site.ts). */
  at: v.optional(v.number()),
});
/** Source sites (source-site.ts) a frame introduces: each connection sends a site once, events name them by id. */
const Sites = v.optional(v.pipe(v.array(SourceSiteSchema), v.maxLength(100_000)));

/**
 * Who wrote an entry's value: "set" is `query.set` (single-flight data), not a fetch; "devtools"
 * is `query.set` called by the devtools (an edit); "awaited" is the router storing the awaited
 * value of the promise a `query.set` wrote (SolidStart's single-flight data): the end of that
 * write, not a write of its own. New values go last: frames carry their index.
 */
export const ValueViaSchema = v.picklist(["fetch", "set", "devtools", "awaited"]);
/** What the devtools can make an entry look like to its readers: loading forever, or failed. */
export const SimulatedStateSchema = v.picklist(["pending", "error"]);
/** Why an entry left the cache: the router's cleanup timer, `query.delete` or `query.clear`. */
export const RemovalReasonSchema = v.picklist(["gc", "delete", "clear"]);

const EventBase = { seq: v.number(), time: Time };

/**
 * A variant that finds its option by `kind` in a map. Valibot's own tries each option's
 * discriminator in turn and allocates as it goes; every event a panel receives goes through this
 * one (a bench measured 37% less validation time per event). An unknown kind is left to the
 * variant itself, for its issue.
 */
function byKind<const Options extends v.ObjectSchema<{ kind: v.LiteralSchema<string, undefined> } & v.ObjectEntries, undefined>[]>(
  schema: v.VariantSchema<"kind", Options, undefined>,
): v.VariantSchema<"kind", Options, undefined> {
  const options = new Map<unknown, Options[number]>(schema.options.map((option) => [option.entries.kind.literal, option]));
  return {
    ...schema,
    "~run"(dataset, config) {
      const input = dataset.value;
      const option = typeof input === "object" && input !== null ? options.get((input as { kind?: unknown }).kind) : undefined;
      return option ? (option["~run"](dataset, config) as ReturnType<typeof schema["~run"]>) : schema["~run"](dataset, config);
    },
  };
}

export const EventSchema = byKind(v.variant("kind", [
  v.object({ ...EventBase, kind: v.literal("entry-created"), key: Key, query: v.string(), intent: v.string() }),
  v.object({
    ...EventBase,
    kind: v.literal("fetch-start"),
    key: Key,
    fetchId: v.number(),
    cause: FetchCauseSchema,
    revalidation: v.optional(RevalidateCauseSchema),
    /** A preload's site: the `<A>` link whose hover or focus preloaded its route (source-site.ts). */
    at: v.optional(v.number()),
  }),
  v.object({
    ...EventBase,
    kind: v.literal("fetch-settle"),
    key: Key,
    fetchId: v.number(),
    ok: v.boolean(),
    ms: v.number(),
    /** The response handler stored the value at once (else a value-set follows, if it is stored later). */
    stored: v.optional(v.literal(true)),
    error: v.optional(PreviewSchema),
  }),
  v.object({
    ...EventBase,
    kind: v.literal("value-set"),
    key: Key,
    via: ValueViaSchema,
    actionId: v.optional(v.number()),
    /** Site of the app's `query.set(…)` call (via "set"). */
    at: v.optional(v.number()),
  }),
  v.object({
    ...EventBase,
    kind: v.literal("invalidated"),
    /**
     * Entries the router marked stale in one go (an action's response, a forced revalidate, the
     * devtools), in its order: one event, however many entries, up to MAX_INVALIDATED_KEYS.
     */
    keys: v.pipe(v.array(Key), v.minLength(1), v.maxLength(MAX_INVALIDATED_KEYS)),
    actionId: v.optional(v.number()),
  }),
  v.object({ ...EventBase, kind: v.literal("observers"), key: Key, count: v.number() }),
  /**
   * The devtools put an entry in a simulated state (its readers see a pending or failed promise),
   * "restored" it (its saved promise and value back), or a real fetch "ended" the simulation.
   */
  v.object({ ...EventBase, kind: v.literal("simulation"), key: Key, state: v.picklist(["pending", "error", "restored", "ended"]) }),
  v.object({
    ...EventBase,
    kind: v.literal("entry-removed"),
    key: Key,
    reason: RemovalReasonSchema,
    /** Site of the app's `query.delete(…)` call (reason "delete"). */
    at: v.optional(v.number()),
  }),
  v.object({
    ...EventBase,
    kind: v.literal("revalidate"),
    /** What the caller asked for: null means every entry. */
    requested: v.nullable(Keys),
    matched: Keys,
    /** Matched entries with observers that refetch now: invalidated (or forced), or old enough that their reader refetches. */
    active: Keys,
    /**
     * Matched entries with observers whose value is fresh (just written by `query.set`: single-flight
     * data or a devtools edit): their readers re-run and read it from the cache, no fetch.
     */
    reused: v.optional(Keys),
    force: v.boolean(),
    cause: RevalidateCauseSchema,
  }),
  v.object({
    ...EventBase,
    kind: v.literal("action-start"),
    id: v.number(),
    name: v.string(),
    input: PreviewSchema,
    /** Sites of the `action(…)` call and of the form or `useAction` that submitted it. */
    definedAt: v.optional(v.number()),
    submittedAt: v.optional(v.number()),
  }),
  v.object({
    ...EventBase,
    kind: v.literal("action-response"),
    id: v.number(),
    /**
     * null: no X-Revalidate header, so the router invalidates every entry and refetches the
     * active ones; a list: only those keys, from the header that json/reload/redirect set (may be empty).
     */
    revalidate: v.nullable(Keys),
    /** Keys whose values came with the response (single-flight) and were written with `query.set`. */
    singleFlight: Keys,
    /** Site of the `json/reload/redirect(…)` that made the response. */
    at: v.optional(v.number()),
  }),
  v.object({
    ...EventBase,
    kind: v.literal("action-settle"),
    id: v.number(),
    ok: v.boolean(),
    ms: v.number(),
    result: v.optional(PreviewSchema),
    error: v.optional(PreviewSchema),
  }),
]));
export type DevtoolsEvent = v.InferOutput<typeof EventSchema>;
export type EventKind = DevtoolsEvent["kind"];
export type FetchCause = v.InferOutput<typeof FetchCauseSchema>;
export type RevalidateCause = v.InferOutput<typeof RevalidateCauseSchema>;
export type ValueVia = v.InferOutput<typeof ValueViaSchema>;

export const EntryStatusSchema = v.picklist(["pending", "ready", "error", "stale"]);
export type EntryStatus = v.InferOutput<typeof EntryStatusSchema>;

export const EntrySchema = v.object({
  key: Key,
  query: v.string(),
  /** Omitted in a batch when this connection has already carried them: args never change (they are the key). */
  args: v.optional(PreviewSchema),
  status: EntryStatusSchema,
  /** The router's own timestamp (0 once invalidated). */
  updatedAt: Time,
  createdAt: Time,
  intent: v.string(),
  observers: v.number(),
  fetches: v.number(),
  lastFetchMs: v.optional(v.number()),
  hydrated: v.boolean(),
  /** When the router's cleanup timer will delete this entry if nothing observes it by then. */
  gcAt: v.optional(Time),
  value: v.optional(PreviewSchema),
  /**
   * The router holds a value that was not sent: batches carry values only for the entries the
   * panel watches (previewing and sending every refetched value would cost the page most of the
   * bridge's time); snapshots carry them all.
   */
  valueOmitted: v.optional(v.literal(true)),
  error: v.optional(PreviewSchema),
  /** The devtools hold the entry in this state until restored (see the `simulate` command). */
  simulated: v.optional(SimulatedStateSchema),
  /** Site of its `query(…)` call. */
  definedAt: v.optional(v.number()),
  /** Observers at known sites (createAsync calls): [site, count]. */
  readers: v.optional(v.pipe(v.array(v.tuple([v.number(), v.number()])), v.maxLength(10_000))),
});
export type Entry = v.InferOutput<typeof EntrySchema>;

/** One path of a value that a write changed, with short previews of what it held before and after. */
export const PathChangeSchema = v.object({
  path: Path,
  change: v.picklist(["added", "removed", "changed"]),
  before: v.optional(PreviewSchema),
  after: v.optional(PreviewSchema),
});
/** A write that changed a watched entry's value: the changed paths (at most a few dozen; `more` counts the rest). */
export const ValueChangeSchema = v.object({
  time: Time,
  via: ValueViaSchema,
  paths: v.pipe(v.array(PathChangeSchema), v.maxLength(100)),
  more: v.number(),
});
export type PathChange = v.InferOutput<typeof PathChangeSchema>;
export type ValueChange = v.InferOutput<typeof ValueChangeSchema>;

/**
 * Checked first, for a readable mismatch reason, and again by the schema: a value that changes
 * between two reads (a getter on an uncloned object) must not slip another protocol through.
 */
const Protocol = v.literal(PROTOCOL);
const PageHeader = { source: v.literal(PAGE_SOURCE), protocol: Protocol };
const PanelHeader = { source: v.literal(PANEL_SOURCE), protocol: Protocol };

/** Page (runtime) → panel: the specification; receivers check PageMessageSchema, its compiled form. */
export const PageMessageSpec = v.variant("kind", [
  v.object({
    ...PageHeader,
    kind: v.literal("hello"),
    routerVersion: v.string(),
    instrumented: v.boolean(),
    url: v.string(),
  }),
  v.object({
    ...PageHeader,
    kind: v.literal("snapshot"),
    routerVersion: v.string(),
    instrumented: v.boolean(),
    url: v.string(),
    entries: v.array(EntrySchema),
    events: v.array(EventSchema),
    dropped: v.number(),
    sites: Sites,
  }),
  v.object({
    ...PageHeader,
    kind: v.literal("batch"),
    events: v.array(EventSchema),
    entries: v.array(EntrySchema),
    removed: Keys,
    /** Events the runtime dropped before they could be sent (ring buffer overflow). */
    dropped: v.number(),
    sites: Sites,
  }),
  v.object({
    ...PageHeader,
    kind: v.literal("value"),
    key: Key,
    path: Path,
    preview: PreviewSchema,
  }),
  /** A watched entry's latest value changes, newest last (replaces the last list sent for it). */
  v.object({ ...PageHeader, kind: v.literal("value-changes"), key: Key, changes: v.pipe(v.array(ValueChangeSchema), v.maxLength(100)) }),
  /** The answer to `read-json`: the value as JSON text, or why it cannot round-trip through JSON. */
  v.object({
    ...PageHeader,
    kind: v.literal("value-json"),
    key: Key,
    json: v.optional(v.pipe(v.string(), v.maxLength(MAX_FRAME))),
    refused: v.optional(v.pipe(v.string(), v.maxLength(MAX_REASON))),
  }),
  /** A devtools write (`set-value`, `simulate`, `restore`) the page refused, and why. */
  v.object({
    ...PageHeader,
    kind: v.literal("refused"),
    command: v.picklist(["set-value", "simulate", "restore"]),
    key: Key,
    reason: v.pipe(v.string(), v.maxLength(MAX_REASON)),
  }),
]);
/** The checks of nodes valibot cannot describe (compiled-check.ts): a preview's reader. */
export const PAGE_FAST_PATHS = /* @__PURE__ */ new Map([[PreviewSchema, (input: unknown) => checkPreview(input) ?? REJECTED]]);
/** PageMessageSpec checked through its compiled form: a snapshot holds tens of thousands of objects. */
export const PageMessageSchema = /* @__PURE__ */ compiled(PageMessageSpec, PAGE_FAST_PATHS);
/** The same for a body the panel parsed itself (plain JSON data): valid previews are kept, not copied. */
export const PARSED_FAST_PATHS = /* @__PURE__ */ new Map([[PreviewSchema, (input: unknown) => checkParsedPreview(input) ?? REJECTED]]);
const ParsedPageMessageSchema = /* @__PURE__ */ compiled(PageMessageSpec, PARSED_FAST_PATHS);
export type PageMessage = v.InferOutput<typeof PageMessageSchema>;

/** Panel → page. `keys` absent means every entry, as in the router's own `revalidate()`. */
export const PanelCommandSchema = v.variant("kind", [
  v.object({ ...PanelHeader, kind: v.literal("connect") }),
  v.object({ ...PanelHeader, kind: v.literal("disconnect") }),
  v.object({ ...PanelHeader, kind: v.literal("get-snapshot") }),
  v.object({ ...PanelHeader, kind: v.literal("revalidate"), keys: v.optional(Keys) }),
  v.object({ ...PanelHeader, kind: v.literal("invalidate"), keys: Keys }),
  v.object({ ...PanelHeader, kind: v.literal("delete"), keys: Keys }),
  v.object({ ...PanelHeader, kind: v.literal("inspect"), key: Key, path: Path }),
  /** Send these entries' values with their updates (the entries whose value the panel shows); replaces the last list. */
  v.object({ ...PanelHeader, kind: v.literal("watch"), keys: Keys }),
  v.object({ ...PanelHeader, kind: v.literal("clear-log") }),
  /** The entry's value as JSON text, to edit (answered by `value-json`). */
  v.object({ ...PanelHeader, kind: v.literal("read-json"), key: Key }),
  /** Writes `json` at `path` of the entry's value (the whole value at []) with the router's `query.set`. */
  v.object({ ...PanelHeader, kind: v.literal("set-value"), key: Key, path: Path, json: v.pipe(v.string(), v.maxLength(MAX_FRAME)) }),
  /** Holds the entry's readers in a pending or failed state through the router's cache, until `restore`. */
  v.object({ ...PanelHeader, kind: v.literal("simulate"), key: Key, state: SimulatedStateSchema }),
  v.object({ ...PanelHeader, kind: v.literal("restore"), key: Key }),
  /** Open a source site in the developer's editor, through the dev server's own open-in-editor endpoint. */
  v.object({ ...PanelHeader, kind: v.literal("open-in-editor"), site: v.number() }),
]);
export type PanelCommand = v.InferOutput<typeof PanelCommandSchema>;

/** Extension → panel: what happened to the inspected page's connection (from the service worker)… */
export const ExtensionNoticeSchema = v.variant("kind", [
  /**
   * The inspected tab's content script connected: a new document (reload, navigation) or, with the
   * same `documentId`, the same document again after a service-worker restart.
   */
  v.object({
    source: v.literal(EXTENSION_SOURCE),
    protocol: Protocol,
    kind: v.literal("page-connected"),
    url: v.string(),
    documentId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  v.object({ source: v.literal(EXTENSION_SOURCE), protocol: Protocol, kind: v.literal("page-disconnected") }),
  /**
   * …and, from the content script, the page messages it rejected so far in this document (invalid, or
   * of another protocol version): they never reach the panel, so it learns of them only this way.
   */
  v.object({
    source: v.literal(EXTENSION_SOURCE),
    protocol: Protocol,
    kind: v.literal("rejected"),
    count: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    lastReason: v.optional(v.pipe(v.string(), v.maxLength(MAX_REASON))),
    /**
     * Page frames it passed on in this document, before this notice: the panel compares them with
     * the frames it received in between, so a frame lost on the way (a service worker stopped
     * with messages in flight) is counted too.
     */
    relayed: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  }),
]);
export type ExtensionNotice = v.InferOutput<typeof ExtensionNoticeSchema>;

/** The envelope a page message travels in, all the relays check (page-frame.ts). */
export const PageFrameSchema = v.object({
  ...PageHeader,
  kind: v.picklist(PageMessageSpec.options.map((option) => option.entries.kind.literal)),
  json: v.pipe(v.string(), v.maxLength(MAX_FRAME)),
});
export type PageFrame = v.InferOutput<typeof PageFrameSchema>;

type Body<T> = T extends unknown ? Omit<T, "source" | "protocol"> : never;
export type PageMessageBody = Body<PageMessage>;
export type PanelCommandBody = Body<PanelCommand>;

export const pageMessage = <T extends PageMessageBody>(body: T) =>
  ({ source: PAGE_SOURCE, protocol: PROTOCOL, ...body }) as PageMessage;
export const panelCommand = <T extends PanelCommandBody>(body: T) =>
  ({ source: PANEL_SOURCE, protocol: PROTOCOL, ...body }) as PanelCommand;

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

/** What a receiver rejected: every invalid message is counted, the last reason kept for diagnostics. */
export interface Rejections {
  count: number;
  lastReason?: string;
}

/** True for anything carrying `source`: other page traffic is ignored without counting. */
export function isTagged(data: unknown, source: string): data is { source: string; protocol: unknown } {
  try {
    return typeof data === "object" && data !== null && (data as { source?: unknown }).source === source;
  } catch {
    return false;
  }
}

function parse<T>(schema: v.GenericSchema<unknown, T>, source: string, data: unknown): Parsed<T> {
  const parsed = parseUnbounded(schema, source, data);
  // A reason may quote page data (a 1 MB string): keep it short enough to show and to send on.
  return parsed.ok || parsed.reason.length <= MAX_REASON ? parsed : { ok: false, reason: `${parsed.reason.slice(0, MAX_REASON - 1)}…` };
}

function parseUnbounded<T>(schema: v.GenericSchema<unknown, T>, source: string, data: unknown): Parsed<T> {
  try {
    if (isTagged(data, source) && data.protocol !== PROTOCOL) {
      return { ok: false, reason: `protocol mismatch: got ${String(data.protocol)}, expected ${PROTOCOL}` };
    }
    // The first issue is all a reason shows: stop there instead of walking a huge invalid message.
    const result = v.safeParse(schema, data, { abortEarly: true });
    if (result.success) return { ok: true, message: result.output };
    const issue = result.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join(".") || "message";
    return { ok: false, reason: `${where}: ${issue.message}` };
  } catch (error) {
    // Hostile input (throwing getters, revoked proxies) must not escape a receiver.
    return { ok: false, reason: `unreadable message: ${String(error)}` };
  }
}

export const extensionNotice = <T extends Body<ExtensionNotice>>(body: T) =>
  ({ source: EXTENSION_SOURCE, protocol: PROTOCOL, ...body }) as ExtensionNotice;

export const parsePageMessage = (data: unknown) => parse(PageMessageSchema, PAGE_SOURCE, data);
/** The envelope only: what the relays check. */
export const parsePageFrame = (data: unknown) => parse(PageFrameSchema, PAGE_SOURCE, data);

/** A page message the panel decoded from a frame itself (plain JSON data), checked in full. */
export const parseDecodedPageMessage = (data: unknown) => parse(ParsedPageMessageSchema, PAGE_SOURCE, data);
export const parsePanelCommand = (data: unknown) => parse(PanelCommandSchema, PANEL_SOURCE, data);
export const parseExtensionNotice = (data: unknown) => parse(ExtensionNoticeSchema, EXTENSION_SOURCE, data);
