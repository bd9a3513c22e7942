/*
 * A path into a value as a person types it ("0.name", "[0].name", "tasks[2]") and back: the
 * segments the page's `set-value` takes. Digits are array indexes (the same property for objects).
 */
import type { PathSegment } from "../../bridge/preview-schema.ts";

export function parseValuePath(text: string): PathSegment[] {
  return text
    .split(/[.[\]]/)
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function formatValuePath(path: readonly PathSegment[]): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i ? `.${segment}` : segment)).join("") || "(whole value)";
}

/** The part of JSON data at `path`, or undefined if it is not there. */
export function jsonAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}
