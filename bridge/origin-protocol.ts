/*
 * What the panel and the service worker say about site access: whether the extension runs on the
 * inspected page's site, and the panel's requests to check or give it up. These are one-shot
 * runtime messages between two parts of the same extension build (never page data), validated by
 * both ends all the same. Sites are match patterns without a port, `http://devbox.test/*`: Firefox
 * rejects ports in match patterns, and a dev server that moves from 5173 to 5174 stays enabled.
 */
import * as v from "valibot";

export const ORIGIN_SOURCE = "solid-query-devtools:origin";

const Site = v.pipe(v.string(), v.maxLength(2048));

export const OriginStatusSchema = v.variant("kind", [
  /** Not an http(s) page (chrome://, about:, file://…): the extension never runs there. */
  v.object({ kind: v.literal("unsupported"), scheme: v.pipe(v.string(), v.maxLength(64)) }),
  /** A local dev origin (localhost, 127.0.0.1, [::1]): on from install. */
  v.object({ kind: v.literal("default"), site: Site }),
  /** Enabled by the user; `revocable` unless it comes with a wider grant (e.g. all sites). */
  v.object({ kind: v.literal("granted"), site: Site, revocable: v.boolean() }),
  /** Not enabled: the panel may ask the browser for `site`. */
  v.object({ kind: v.literal("off"), site: Site }),
]);
export type OriginStatus = v.InferOutput<typeof OriginStatusSchema>;

/** Panel → service worker; the reply is an OriginStatus. */
export const OriginRequestSchema = v.object({
  source: v.literal(ORIGIN_SOURCE),
  /** `status` also brings registrations in line with the granted sites first (after a grant). */
  kind: v.picklist(["status", "disable"]),
  url: v.pipe(v.string(), v.maxLength(8192)),
});
export type OriginRequest = v.InferOutput<typeof OriginRequestSchema>;

export const originRequest = (kind: OriginRequest["kind"], url: string): OriginRequest => ({ source: ORIGIN_SOURCE, kind, url });

export function parseOriginStatus(data: unknown): OriginStatus | undefined {
  const parsed = v.safeParse(OriginStatusSchema, data);
  return parsed.success ? parsed.output : undefined;
}

export function parseOriginRequest(data: unknown): OriginRequest | undefined {
  const parsed = v.safeParse(OriginRequestSchema, data);
  return parsed.success ? parsed.output : undefined;
}
