/*
 * Editing a cached value as JSON: a value is editable only if JSON gives it back unchanged (plain
 * objects, arrays, strings, finite numbers, booleans, null). Anything else (a Map, a Date, a class
 * instance, a function, undefined, a cycle) would come back as something else, so the edit is
 * refused with where and why, instead of silently changing what the app reads.
 */
import type { PathSegment } from "../bridge/preview-schema.ts";

const MAX_DEPTH = 200;

/** Why `value` cannot round-trip through JSON (naming the first place), or undefined if it can. */
export function jsonProblem(value: unknown): string | undefined {
  const open = new Set<object>();
  function check(node: unknown, path: PathSegment[]): string | undefined {
    const where = path.length ? ` at ${formatPath(path)}` : "";
    if (node === null || typeof node === "string" || typeof node === "boolean") return undefined;
    if (typeof node === "number") return Number.isFinite(node) ? undefined : `${node}${where} (JSON has no such number)`;
    if (typeof node !== "object") return `${typeof node === "function" ? "a function" : typeof node === "undefined" ? "undefined" : `a ${typeof node}`}${where}`;
    if (open.has(node)) return `a cycle${where}`;
    if (path.length >= MAX_DEPTH) return `nesting deeper than ${MAX_DEPTH} levels${where}`;
    const array = Array.isArray(node);
    if (!array) {
      const proto = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) return `a ${className(proto)}${where}`;
    }
    open.add(node);
    try {
      for (const key of Object.keys(node)) {
        const problem = check((node as Record<string, unknown>)[key], [...path, array ? Number(key) : key]);
        if (problem) return problem;
      }
    } finally {
      open.delete(node);
    }
    return undefined;
  }
  try {
    return check(value, []);
  } catch (error) {
    return `reading it threw ${String(error)}`;
  }
}

/** A copy of `root` (JSON-safe) with `value` at `path`; throws if the path's parent is not there. */
export function withValueAt(root: unknown, path: PathSegment[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = JSON.parse(JSON.stringify(root)) as unknown;
  let parent = copy;
  for (let i = 0; i < path.length - 1; i++) {
    parent = parent !== null && typeof parent === "object" ? (parent as Record<PathSegment, unknown>)[path[i]] : undefined;
  }
  if (parent === null || typeof parent !== "object") throw new Error(`nothing to edit at ${formatPath(path.slice(0, -1)) || "the root"}`);
  (parent as Record<PathSegment, unknown>)[path[path.length - 1]] = value;
  return copy;
}

export function formatPath(path: PathSegment[]): string {
  return path.map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${segment}`)).join("").replace(/^\./, "");
}

function className(proto: object): string {
  try {
    const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === "string" && name ? name : "class instance";
  } catch {
    return "class instance";
  }
}
