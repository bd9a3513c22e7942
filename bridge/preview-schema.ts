/*
 * The shape of a value preview: a bounded, readable, JSON-safe picture of any page value.
 * Nodes cut off by depth or size limits carry the path to ask the page for them later
 * (`inspect {key, path}`), so the panel can expand hostile or huge values piece by piece.
 */
import * as v from "valibot";

export type PathSegment = string | number;

/**
 * Where in a value: property names and indexes. Indexes are non-negative integers, so a path
 * survives JSON unchanged on its way back in an `inspect` command. Previews and commands share it.
 */
export const isPathSegment = (segment: unknown): segment is PathSegment =>
  typeof segment === "string" || (Number.isSafeInteger(segment) && (segment as number) >= 0);

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

/**
 * The schema of a preview tree. Valibot's recursive schemas (lazy + variant + object) cost about
 * 11 µs per cache entry, ten times everything else in a snapshot, so the tree is checked by the
 * reader below, inside a valibot schema: the same contract (a clean copy, unknown fields left out,
 * a readable issue), measured 10× faster.
 */
export const PreviewSchema = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const preview = readPreview(dataset.value, 0);
    if (preview instanceof Invalid) {
      addIssue({ message: `Invalid preview${preview.path.length ? ` at ${preview.path.join(".")}` : ""}: ${preview.reason}` });
      return NEVER;
    }
    return preview;
  }),
);

/** The same check as PreviewSchema's, without valibot's run around it: the clean copy, or undefined. */
export function checkPreview(data: unknown): Preview | undefined {
  const preview = readPreview(data, 0);
  return preview instanceof Invalid ? undefined : preview;
}

/**
 * For JSON.parse output only (plain data: no getters, proxies or cycles): a valid tree whose nodes
 * have no fields but their type's is returned as it is, not copied (a snapshot has 10,000 entries
 * with two previews each); any other tree goes through the copying check.
 */
export function checkParsedPreview(data: unknown): Preview | undefined {
  return isExactPreview(data, 0) ? (data as Preview) : checkPreview(data);
}

/**
 * What readPreview accepts and would copy unchanged: the same checks, and no other fields (its
 * own keys are its type's, so their count tells). Plain loops: a snapshot's 20,000 previews are
 * checked by code that has not run before.
 */
function isExactPreview(data: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const node = data as Node;
  // Counted without an array per node. An inherited enumerable key (a polluted prototype) only
  // raises the count: the tree is then copied, never kept with a field too many.
  let own = 0;
  for (const _ in node) own++;
  switch (node.type) {
    case "primitive": {
      const { value, truncated } = node;
      return (
        own === (truncated === undefined ? 2 : 3) &&
        (value === null || isString(value) || isNumber(value) || typeof value === "boolean") &&
        (truncated === undefined || isNumber(truncated))
      );
    }
    case "special":
    case "date":
      return own === 2 && isString(node.text);
    case "array":
      return own === 4 && isString(node.className) && isNumber(node.length) && isExactList(node.items, depth);
    case "set":
      return own === 3 && isNumber(node.size) && isExactList(node.items, depth);
    case "object":
      return own === 4 && isString(node.className) && isNumber(node.more) && isExactPairs(node.entries, depth, false);
    case "map":
      return own === 3 && isNumber(node.size) && isExactPairs(node.entries, depth, true);
    case "error": {
      const { stack, thrown } = node;
      return (
        own === 3 + (stack === undefined ? 0 : 1) + (thrown === undefined ? 0 : 1) &&
        isString(node.name) &&
        isString(node.message) &&
        (stack === undefined || isString(stack)) &&
        (thrown === undefined || typeof thrown === "boolean")
      );
    }
    case "ref":
      return own === 2 && isExactPath(node.path);
    case "collapsed":
      return own === (node.size === undefined ? 3 : 4) && isString(node.className) && (node.size === undefined || isNumber(node.size)) && isExactPath(node.path);
  }
  return false;
}

function isExactList(data: unknown, depth: number): boolean {
  if (!Array.isArray(data)) return false;
  for (let i = 0; i < data.length; i++) if (!isExactPreview(data[i], depth + 1)) return false;
  return true;
}

function isExactPairs(data: unknown, depth: number, keyed: boolean): boolean {
  if (!Array.isArray(data)) return false;
  for (let i = 0; i < data.length; i++) {
    const pair: unknown = data[i];
    if (!Array.isArray(pair) || pair.length !== 2) return false;
    if (!(keyed ? isExactPreview(pair[0], depth + 1) : isString(pair[0])) || !isExactPreview(pair[1], depth + 1)) return false;
  }
  return true;
}
const isExactPath = (data: unknown) => Array.isArray(data) && data.every(isPathSegment);

/** Deeper than the serializer ever nests: beyond it, a tree is rejected rather than walked. */
const MAX_DEPTH = 1000;

class Invalid {
  readonly path: PathSegment[] = [];
  constructor(readonly reason: string) {}
  at(segment: PathSegment): Invalid {
    this.path.unshift(segment);
    return this;
  }
}

type Node = Record<string, unknown>;
const isNumber = (value: unknown): value is number => typeof value === "number" && !Number.isNaN(value);
const isString = (value: unknown): value is string => typeof value === "string";

function readPreview(data: unknown, depth: number): Preview | Invalid {
  if (depth > MAX_DEPTH) return new Invalid(`nested deeper than ${MAX_DEPTH}`);
  if (typeof data !== "object" || data === null || Array.isArray(data)) return new Invalid("expected an object");
  // Each field is read once: a getter cannot pass the check with one value and hand over another.
  const { type, value, truncated, text, className, length, size, more, items, entries, name, message, stack, thrown, path } = data as Node;
  switch (type) {
    case "primitive": {
      if (!(value === null || isString(value) || isNumber(value) || typeof value === "boolean")) return new Invalid("bad value").at("value");
      if (truncated === undefined) return { type: "primitive", value };
      return isNumber(truncated) ? { type: "primitive", value, truncated } : new Invalid("expected a number").at("truncated");
    }
    case "special":
    case "date":
      return isString(text) ? { type, text } : new Invalid("expected a string").at("text");
    case "array": {
      if (!isString(className) || !isNumber(length)) return new Invalid("expected className and length");
      const list = readList(items, depth);
      return list instanceof Invalid ? list.at("items") : { type, className, length, items: list };
    }
    case "set": {
      if (!isNumber(size)) return new Invalid("expected a number").at("size");
      const list = readList(items, depth);
      return list instanceof Invalid ? list.at("items") : { type, size, items: list };
    }
    case "object": {
      if (!isString(className) || !isNumber(more)) return new Invalid("expected className and more");
      const pairs = readPairs(entries, depth, false);
      return pairs instanceof Invalid ? pairs.at("entries") : { type, className, entries: pairs as [string, Preview][], more };
    }
    case "map": {
      if (!isNumber(size)) return new Invalid("expected a number").at("size");
      const pairs = readPairs(entries, depth, true);
      return pairs instanceof Invalid ? pairs.at("entries") : { type, size, entries: pairs as [Preview, Preview][] };
    }
    case "error": {
      if (!isString(name) || !isString(message)) return new Invalid("expected name and message");
      if (stack !== undefined && !isString(stack)) return new Invalid("expected a string").at("stack");
      if (thrown !== undefined && typeof thrown !== "boolean") return new Invalid("expected a boolean").at("thrown");
      return { type, name, message, ...(stack === undefined ? {} : { stack }), ...(thrown === undefined ? {} : { thrown }) };
    }
    case "ref": {
      const segments = readPath(path);
      return segments instanceof Invalid ? segments.at("path") : { type, path: segments };
    }
    case "collapsed": {
      if (!isString(className)) return new Invalid("expected a string").at("className");
      if (size !== undefined && !isNumber(size)) return new Invalid("expected a number").at("size");
      const segments = readPath(path);
      if (segments instanceof Invalid) return segments.at("path");
      return size === undefined ? { type, className, path: segments } : { type, className, size, path: segments };
    }
    default:
      return new Invalid("unknown type").at("type");
  }
}

function readList(data: unknown, depth: number): Preview[] | Invalid {
  if (!Array.isArray(data)) return new Invalid("expected an array");
  const items: Preview[] = [];
  for (let i = 0; i < data.length; i++) {
    const item = readPreview(data[i], depth + 1);
    if (item instanceof Invalid) return item.at(i);
    items.push(item);
  }
  return items;
}

/** Object entries ([name, preview]) or, with `keyed`, Map entries ([preview, preview]). */
function readPairs(data: unknown, depth: number, keyed: boolean): [string | Preview, Preview][] | Invalid {
  if (!Array.isArray(data)) return new Invalid("expected an array");
  const pairs: [string | Preview, Preview][] = [];
  for (let i = 0; i < data.length; i++) {
    const pair: unknown = data[i];
    if (!Array.isArray(pair) || pair.length < 2) return new Invalid("expected a pair").at(i);
    const key = keyed ? readPreview(pair[0], depth + 1) : isString(pair[0]) ? pair[0] : new Invalid("expected a string");
    if (key instanceof Invalid) return key.at(0).at(i);
    const value = readPreview(pair[1], depth + 1);
    if (value instanceof Invalid) return value.at(1).at(i);
    pairs.push([key, value]);
  }
  return pairs;
}

function readPath(data: unknown): PathSegment[] | Invalid {
  if (!Array.isArray(data)) return new Invalid("expected an array");
  const segments: PathSegment[] = [];
  for (let i = 0; i < data.length; i++) {
    const segment: unknown = data[i];
    if (!isPathSegment(segment)) return new Invalid("expected a name or an index").at(i);
    segments.push(segment);
  }
  return segments;
}
