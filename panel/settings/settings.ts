/*
 * What the panel remembers across DevTools sessions: the view, the filters and sort, the kinds the
 * timeline shows, pane sizes and "preserve log". Kept through a small storage interface (the
 * extension's storage.local, the page's localStorage for the overlay, memory in tests). What is
 * read back is checked field by field: a field that is missing or malformed (another version of
 * the extension wrote it, or a person) keeps its default, and nothing stored can break the panel.
 */
import { createStore, unwrap } from "solid-js/store";
import * as v from "valibot";
import { ROW_STATUSES } from "../queries/query-rows.ts";
import { KIND_FILTERS } from "../timeline/timeline-rows.ts";

export const VIEWS = ["queries", "timeline", "waterfall"] as const;
export type View = (typeof VIEWS)[number];

/** Where settings live: read once when the panel opens, written after each change. */
export interface SettingsStorage {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

export const SETTINGS_KEY = "solid-query-devtools:panel-settings";
const MAX_TEXT = 1_000;

const text = () => v.fallback(v.pipe(v.string(), v.maxLength(MAX_TEXT)), "");
const size = (min: number, max: number, fallback: number) => v.fallback(v.pipe(v.number(), v.minValue(min), v.maxValue(max)), fallback);
/** An object whose fields each fall back to their default; anything else is all the defaults. */
const section = <T extends v.ObjectEntries>(entries: T) => {
  const schema = v.object(entries);
  return v.fallback(schema, () => v.parse(schema, {}));
};

const SettingsSchema = section({
  view: v.fallback(v.picklist(VIEWS), "queries"),
  queries: section({
    text: text(),
    statuses: v.fallback(v.array(v.picklist(ROW_STATUSES)), () => []),
    sort: v.fallback(v.picklist(["name", "updated", "fetches"]), "name"),
  }),
  timeline: section({
    /** The filter text, shared by the timeline and the waterfall. */
    text: text(),
    kinds: v.fallback(v.array(v.picklist(KIND_FILTERS)), () => KIND_FILTERS.filter((kind) => kind !== "observers")),
  }),
  preserveLog: v.fallback(v.boolean(), false),
  panes: section({
    /** The queries view's details pane, in percent of the view's width (or height, when narrow). */
    details: size(15, 85, 40),
    /** The waterfall's label column, in pixels. */
    waterfallLabels: size(80, 2_000, 240),
  }),
});

export type PanelSettings = v.InferOutput<typeof SettingsSchema>;

/** The stored value as settings: each field that does not check out keeps its default. */
export const parseSettings = (stored: unknown): PanelSettings => v.parse(SettingsSchema, stored);
export const defaultSettings = (): PanelSettings => parseSettings(undefined);

export type Settings = ReturnType<typeof createSettings>;

/** Settings over `storage` (none: kept in memory for this session only), starting from `initial`. */
export function createSettings(storage?: SettingsStorage, initial: PanelSettings = defaultSettings()) {
  const [state, setState] = createStore(initial);
  let queued = false;
  const save = () => {
    queued = false;
    // Storage can be full or gone (the extension reloaded): the panel keeps its settings for this session.
    storage?.write(structuredClone(unwrap(state))).catch(() => {});
  };
  return {
    state,
    /** Replaces one setting; changes made in the same task are written together. */
    set<K extends keyof PanelSettings>(key: K, value: PanelSettings[K]) {
      setState(key, value as never);
      if (!queued) queueMicrotask(save);
      queued = true;
    },
  };
}

/** Reads what `storage` holds (anything unreadable is the defaults) and keeps it there from now on. */
export async function loadSettings(storage: SettingsStorage): Promise<Settings> {
  const stored = await storage.read().catch(() => undefined);
  return createSettings(storage, parseSettings(stored));
}

/** A [get, set] pair over one field of a section, as createSignal gives. */
export function setting<S extends "queries" | "timeline" | "panes", F extends keyof PanelSettings[S]>(settings: Settings, sectionKey: S, field: F) {
  return [
    () => settings.state[sectionKey][field],
    (value: PanelSettings[S][F]) => settings.set(sectionKey, { ...settings.state[sectionKey], [field]: value }),
  ] as const;
}
