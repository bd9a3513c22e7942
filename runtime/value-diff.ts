/*
 * What a write changed in a value: the paths added, removed and changed between the value before
 * and after, with short previews of each side. Plain objects and arrays are compared key by key;
 * anything else (a Map, a Date, a class instance) is one leaf, changed when it is another object
 * (a Date when it holds another time). Bounded: a few levels deep, a few dozen paths, previews
 * of a few nodes; reading a throwing getter counts as a change there. Only ever run for entries a
 * panel watches.
 */
import type { PathChange } from "../bridge/protocol.ts";
import type { PathSegment } from "../bridge/preview-schema.ts";
import { preview, type PreviewLimits } from "../bridge/serialize.ts";

/** Paths listed per change; beyond them only counted. */
export const MAX_PATHS = 30;
/** Levels compared key by key; a difference deeper down is one change at this depth. */
const MAX_DEPTH = 8;
/** Keys compared per object or array: a 100,000-item list is not walked on every write. */
const MAX_KEYS = 1_000;
const SIDE_LIMITS: PreviewLimits = { depth: 1, items: 5, string: 120, nodes: 12 };

export interface ValueDiff {
  paths: PathChange[];
  /** Changed paths left out beyond MAX_PATHS. */
  more: number;
}

export function diffValues(before: unknown, after: unknown): ValueDiff {
  const paths: PathChange[] = [];
  let more = 0;
  const add = (change: PathChange["change"], path: PathSegment[], was: unknown, now: unknown) => {
    if (paths.length >= MAX_PATHS) return void more++;
    const entry: PathChange = { path, change };
    if (change !== "added") entry.before = preview(was, SIDE_LIMITS, path);
    if (change !== "removed") entry.after = preview(now, SIDE_LIMITS, path);
    paths.push(entry);
  };

  function walk(was: unknown, now: unknown, path: PathSegment[]): void {
    if (Object.is(was, now)) return;
    const wasKind = containerKind(was);
    if (wasKind === undefined || wasKind !== containerKind(now) || path.length >= MAX_DEPTH) {
      if (!sameLeaf(was, now)) add("changed", path, was, now);
      return;
    }
    const wasKeys = keysOf(was as object, wasKind);
    const nowKeys = keysOf(now as object, wasKind);
    const nowSet = new Set<PathSegment>(nowKeys);
    for (const key of wasKeys) {
      const at = [...path, key];
      if (!nowSet.has(key)) add("removed", at, read(was, key), undefined);
      else walk(read(was, key), read(now, key), at);
    }
    const wasSet = new Set<PathSegment>(wasKeys);
    for (const key of nowKeys) if (!wasSet.has(key)) add("added", [...path, key], undefined, read(now, key));
  }

  try {
    walk(before, after, []);
  } catch {
    // A value that cannot be read key by key (a hostile proxy): the whole value changed.
    paths.length = 0;
    more = 0;
    add("changed", [], before, after);
  }
  return { paths, more };
}

type ContainerKind = "array" | "object";

/** Arrays and plain objects are compared key by key; other objects are leaves. */
function containerKind(value: unknown): ContainerKind | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) return "array";
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? "object" : undefined;
}

function keysOf(value: object, kind: ContainerKind): PathSegment[] {
  if (kind === "array") return Array.from({ length: Math.min((value as unknown[]).length, MAX_KEYS) }, (_, i) => i);
  return Object.keys(value).slice(0, MAX_KEYS);
}

function read(value: unknown, key: PathSegment): unknown {
  try {
    return (value as Record<PathSegment, unknown>)[key];
  } catch (error) {
    return error;
  }
}

/** Two leaves that are different objects but the same value (Dates of one time). */
function sameLeaf(was: unknown, now: unknown): boolean {
  return was instanceof Date && now instanceof Date && was.getTime() === now.getTime();
}
