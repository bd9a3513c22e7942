/*
 * The shape of a value preview: a bounded, readable, JSON-safe picture of any page value.
 * Nodes cut off by depth or size limits carry the path to ask the page for them later
 * (`inspect {key, path}`), so the panel can expand hostile or huge values piece by piece.
 */
import * as v from "valibot";

export type PathSegment = string | number;

export type Preview =
  | { type: "primitive"; value: string | number | boolean | null; truncated?: number }
  /** undefined, NaN, ±Infinity, -0, bigint, symbol, function: shown as text. */
  | { type: "special"; text: string }
  | { type: "array"; className: string; length: number; items: Preview[] }
  | { type: "object"; className: string; entries: [string, Preview][]; more: number }
  | { type: "map"; size: number; entries: [Preview, Preview][] }
  | { type: "set"; size: number; items: Preview[] }
  | { type: "error"; name: string; message: string; stack?: string; thrown?: boolean }
  | { type: "date"; text: string }
  /** A value already shown higher up: a cycle or a shared reference. */
  | { type: "ref"; path: PathSegment[] }
  /** Beyond the depth or size budget: expand by inspecting `path`. */
  | { type: "collapsed"; className: string; size?: number; path: PathSegment[] };

const Path = v.array(v.union([v.string(), v.number()]));

export const PreviewSchema: v.GenericSchema<Preview> = v.variant("type", [
  v.object({
    type: v.literal("primitive"),
    value: v.union([v.string(), v.number(), v.boolean(), v.null()]),
    truncated: v.optional(v.number()),
  }),
  v.object({ type: v.literal("special"), text: v.string() }),
  v.object({
    type: v.literal("array"),
    className: v.string(),
    length: v.number(),
    items: v.array(v.lazy(() => PreviewSchema)),
  }),
  v.object({
    type: v.literal("object"),
    className: v.string(),
    entries: v.array(v.tuple([v.string(), v.lazy(() => PreviewSchema)])),
    more: v.number(),
  }),
  v.object({
    type: v.literal("map"),
    size: v.number(),
    entries: v.array(v.tuple([v.lazy(() => PreviewSchema), v.lazy(() => PreviewSchema)])),
  }),
  v.object({ type: v.literal("set"), size: v.number(), items: v.array(v.lazy(() => PreviewSchema)) }),
  v.object({
    type: v.literal("error"),
    name: v.string(),
    message: v.string(),
    stack: v.optional(v.string()),
    thrown: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal("date"), text: v.string() }),
  v.object({ type: v.literal("ref"), path: Path }),
  v.object({
    type: v.literal("collapsed"),
    className: v.string(),
    size: v.optional(v.number()),
    path: Path,
  }),
]);
