/*
 * A preview back as plain JSON data, for "copy value as JSON". Values the preview could not
 * carry (collapsed nodes, cycles, undefined, functions) become marker strings, so the copy is
 * honest about what it lacks.
 */
import type { Preview } from "../../bridge/preview-schema.ts";

export function previewToJson(preview: Preview): unknown {
  switch (preview.type) {
    case "primitive":
      return preview.truncated ? `${preview.value}…[truncated, ${preview.truncated} chars]` : preview.value;
    case "special":
      return `[${preview.text}]`;
    case "date":
      return preview.text;
    case "error":
      return { name: preview.name, message: preview.message, stack: preview.stack };
    case "ref":
      return "[circular]";
    case "collapsed":
      return `[${preview.className}: not loaded]`;
    case "array":
    case "set":
      return preview.items.map(previewToJson);
    case "map":
      return preview.entries.map(([k, v]) => [previewToJson(k), previewToJson(v)]);
    case "object":
      return Object.fromEntries(preview.entries.map(([k, v]) => [k, previewToJson(v)]));
  }
}
