/*
 * Short text forms used across the panel: durations, ages and one-line value previews.
 */
import type { Preview } from "../bridge/preview-schema.ts";

export function formatMs(ms: number): string {
  return ms < 1 ? "<1 ms" : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatAge(ms: number): string {
  if (ms < 1000) return "now";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${s % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

/**
 * One formatter for every call: `toLocaleTimeString` with options builds a new one each time, which
 * made this the timeline's costliest function. (`h23`: with `hour12: false`, some ICU builds, Node
 * 20's among them, write midnight as 24:00.)
 */
const clock = new Intl.DateTimeFormat([], { hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" });

export function formatClock(time: number): string {
  return `${clock.format(time)}.${String(new Date(time).getMilliseconds()).padStart(3, "0")}`;
}

/** One line, at most `max` characters: for args in rows and values in the timeline. */
export function inlinePreview(preview: Preview, max = 80): string {
  const text = inline(preview, 2);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function inline(p: Preview, depth: number): string {
  switch (p.type) {
    case "primitive":
      return typeof p.value === "string" ? JSON.stringify(p.value) + (p.truncated ? "…" : "") : String(p.value);
    case "special":
      return p.text;
    case "date":
      return p.text;
    case "error":
      return `${p.name}: ${p.message}`;
    case "ref":
      return "[circular]";
    case "collapsed":
      return p.size === undefined ? `${p.className} {…}` : `${p.className}(${p.size}) {…}`;
    case "array":
      return depth ? `[${p.items.map((i) => inline(i, depth - 1)).join(", ")}${p.length > p.items.length ? ", …" : ""}]` : `Array(${p.length})`;
    case "set":
      return `Set(${p.size})`;
    case "map":
      return `Map(${p.size})`;
    case "object": {
      const prefix = p.className === "Object" ? "" : `${p.className} `;
      if (!depth) return `${prefix}{…}`;
      const body = p.entries.map(([k, v]) => `${k}: ${inline(v, depth - 1)}`).join(", ");
      return `${prefix}{${body}${p.more ? ", …" : ""}}`;
    }
  }
}
