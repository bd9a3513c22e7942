/*
 * A devtools session as a file: entries and events, to attach to a bug report and open again
 * later in a read-only view. Imported files are untrusted and validated like page messages.
 */
import * as v from "valibot";
import { EntrySchema, EventSchema } from "../bridge/protocol.ts";
import { SourceSiteSchema } from "../bridge/source-site.ts";

export const SESSION_FORMAT = "solid-query-devtools-session";

const SessionSchema = v.object({
  format: v.literal(SESSION_FORMAT),
  version: v.literal(1),
  exportedAt: v.number(),
  url: v.optional(v.string()),
  routerVersion: v.optional(v.string()),
  entries: v.array(EntrySchema),
  events: v.array(v.pipe(v.unknown(), v.transform(fromEarlierProtocol), EventSchema)),
  /** Source locations the entries and events name, as text (file, line, column): no link to a live page. */
  sites: v.optional(v.array(SourceSiteSchema)),
});

/** Sessions saved before protocol 5 hold one invalidated event per key; now one event lists them. */
function fromEarlierProtocol(event: unknown): unknown {
  if (typeof event !== "object" || event === null) return event;
  const { key, ...rest } = event as Record<string, unknown>;
  return rest.kind === "invalidated" && !("keys" in rest) && typeof key === "string" ? { ...rest, keys: [key] } : event;
}
export type Session = v.InferOutput<typeof SessionSchema>;

export function parseSession(text: string): { ok: true; session: Session } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const result = v.safeParse(SessionSchema, data);
  if (result.success) return { ok: true, session: result.output };
  const issue = result.issues[0];
  return { ok: false, reason: `${issue.path?.map((p) => String(p.key)).join(".") || "file"}: ${issue.message}` };
}

/** Offers `text` as a file download from the panel. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
