/*
 * Turns any page value into a bounded Preview. It never throws and never runs page code it can
 * avoid: getters are read one by one under try/catch, proxies and revoked proxies end up as
 * error previews, cycles become refs. Cut-off nodes keep their path for on-demand expansion.
 */
import type { PathSegment, Preview } from "./preview-schema.ts";

export interface PreviewLimits {
  /** Nesting levels expanded before a node is collapsed. */
  depth: number;
  /** Items or properties shown per container. */
  items: number;
  /** Characters kept of a string. */
  string: number;
  /** Nodes in the whole preview. */
  nodes: number;
}

export const DEFAULT_LIMITS: PreviewLimits = { depth: 4, items: 50, string: 2_000, nodes: 500 };

export function preview(value: unknown, limits: PreviewLimits = DEFAULT_LIMITS, base: PathSegment[] = []): Preview {
  const seen = new Map<object, PathSegment[]>();
  let nodes = 0;
  /** Page-chosen text that is not a string value (keys, class and function names, symbols, bigints) is cut like one, if long. */
  const maxName = Math.max(limits.string, 100);
  const clip = (text: string) => (text.length > maxName ? `${text.slice(0, maxName)}…` : text);

  function walk(value: unknown, path: PathSegment[], depth: number): Preview {
    nodes++;
    try {
      if (value === null || typeof value === "boolean") return { type: "primitive", value };
      if (typeof value === "string") {
        return value.length > limits.string
          ? { type: "primitive", value: value.slice(0, limits.string), truncated: value.length }
          : { type: "primitive", value };
      }
      if (typeof value === "number") {
        return Number.isFinite(value) && !Object.is(value, -0)
          ? { type: "primitive", value }
          : { type: "special", text: Object.is(value, -0) ? "-0" : String(value) };
      }
      if (typeof value === "undefined") return { type: "special", text: "undefined" };
      if (typeof value === "bigint") return { type: "special", text: clip(`${value}n`) };
      if (typeof value === "symbol") return { type: "special", text: clip(value.toString()) };
      if (typeof value === "function") return { type: "special", text: `ƒ ${clip(String(value.name || "anonymous"))}()` };
      return walkObject(value as object, path, depth);
    } catch (error) {
      return errorPreview(error, true);
    }
  }

  function walkObject(value: object, path: PathSegment[], depth: number): Preview {
    const earlier = seen.get(value);
    if (earlier) return { type: "ref", path: earlier };
    if (value instanceof Error) return errorPreview(value, false);
    if (value instanceof Date) {
      return { type: "date", text: Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString() };
    }
    const className = clip(classNameOf(value));
    const size = sizeOf(value);
    if (depth >= limits.depth || nodes >= limits.nodes) return { type: "collapsed", className, size, path };
    seen.set(value, path);

    if (value instanceof Map) {
      const entries: [Preview, Preview][] = [];
      for (const [k, v] of value) {
        if (entries.length >= limits.items) break;
        const at = [...path, entries.length];
        entries.push([walk(k, [...at, 0], depth + 1), walk(v, [...at, 1], depth + 1)]);
      }
      return { type: "map", size: value.size, entries };
    }
    if (value instanceof Set) {
      const items: Preview[] = [];
      for (const item of value) {
        if (items.length >= limits.items) break;
        items.push(walk(item, [...path, items.length], depth + 1));
      }
      return { type: "set", size: value.size, items };
    }
    if (isListLike(value)) {
      const list = value as ArrayLike<unknown>;
      const items: Preview[] = [];
      for (let i = 0; i < Math.min(list.length, limits.items); i++) items.push(walk(list[i], [...path, i], depth + 1));
      return { type: "array", className, length: list.length, items };
    }
    if (isFormLike(value)) {
      const entries: [string, Preview][] = [];
      let count = 0;
      for (const [name, item] of value) {
        const key = clip(name);
        if (count++ < limits.items) entries.push([key, walk(item, [...path, key], depth + 1)]);
      }
      return { type: "object", className, entries, more: count - entries.length };
    }
    if (typeof Response !== "undefined" && value instanceof Response) {
      return {
        type: "object",
        className,
        entries: [
          ["status", walk(value.status, [...path, "status"], depth + 1)],
          ["statusText", walk(value.statusText, [...path, "statusText"], depth + 1)],
          ["url", walk(value.url, [...path, "url"], depth + 1)],
          ["headers", walk(Object.fromEntries(value.headers), [...path, "headers"], depth + 1)],
        ],
        more: 0,
      };
    }
    if (value instanceof Promise) return { type: "object", className, entries: [], more: 0 };

    const keys = Object.keys(value);
    const entries: [string, Preview][] = [];
    for (const name of keys.slice(0, limits.items)) {
      // An over-long key is shown cut, and so is the path below it (which then expands to nothing).
      const key = clip(name);
      let item: Preview;
      try {
        item = walk((value as Record<string, unknown>)[name], [...path, key], depth + 1);
      } catch (error) {
        item = errorPreview(error, true);
      }
      entries.push([key, item]);
    }
    return { type: "object", className, entries, more: keys.length - entries.length };
  }

  return walk(value, base, 0);
}

/** The value at `path` inside `root`, following the same segments `preview` hands out. */
export function resolvePath(root: unknown, path: PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node instanceof Map || node instanceof Set) node = [...node][Number(segment)];
    else if (isFormLike(node)) node = node.get(String(segment));
    else if (node !== null && (typeof node === "object" || typeof node === "function")) {
      node = (node as Record<PathSegment, unknown>)[segment];
    } else return undefined;
  }
  return node;
}

/** Preview of the value at a path, or of the error met on the way there. */
export function previewAt(root: unknown, path: PathSegment[], limits: PreviewLimits = DEFAULT_LIMITS): Preview {
  try {
    return preview(resolvePath(root, path), limits, path);
  } catch (error) {
    return errorPreview(error, true);
  }
}

export function errorPreview(error: unknown, thrown: boolean): Preview {
  try {
    if (error instanceof Error) {
      return { type: "error", name: safeString(error.name), message: safeString(error.message), stack: safeString(error.stack), thrown };
    }
    return { type: "error", name: "Thrown", message: safeString(error), thrown };
  } catch {
    return { type: "error", name: "Unreadable", message: "the error could not be read", thrown };
  }
}

function safeString(value: unknown): string {
  try {
    return String(value).slice(0, DEFAULT_LIMITS.string);
  } catch {
    return "<unprintable>";
  }
}

/** Form submissions reach actions as FormData or URLSearchParams: show their fields. */
function isFormLike(value: unknown): value is URLSearchParams | FormData {
  return (
    (typeof URLSearchParams !== "undefined" && value instanceof URLSearchParams) ||
    (typeof FormData !== "undefined" && value instanceof FormData)
  );
}

/** Arrays and typed arrays (not DataView, the one ArrayBuffer view without a length). */
function isListLike(value: object): boolean {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function classNameOf(value: object): string {
  try {
    const proto = Object.getPrototypeOf(value);
    if (proto === null) return "Object";
    const name = proto.constructor?.name;
    return typeof name === "string" && name ? name : "Object";
  } catch {
    return "Object";
  }
}

function sizeOf(value: object): number | undefined {
  try {
    if (value instanceof Map || value instanceof Set) return value.size;
    if (isListLike(value)) return (value as ArrayLike<unknown>).length;
    return Object.keys(value).length;
  } catch {
    return undefined;
  }
}
