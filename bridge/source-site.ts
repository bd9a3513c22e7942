/*
 * A place in the app's source the devtools can point at: where a query or action is defined, which
 * createAsync reads an entry, which revalidate, query.set or query.delete call, form, useAction or
 * `<A>` link set something off. Found by
 * the Vite plugin at transform time (runtime/source-sites-transform.ts); events and entries carry
 * only a site's id, and each connection sends a site once.
 */
import * as v from "valibot";

export const SiteKindSchema = v.picklist(["query", "action", "reader", "revalidate", "form", "use-action", "response", "query-set", "query-delete", "link"]);

export const SourceSiteSchema = v.object({
  id: v.number(),
  kind: SiteKindSchema,
  /** The file as the developer wrote it, relative to the app's root (absolute when outside it). */
  file: v.pipe(v.string(), v.maxLength(4096)),
  /** The original file's URL in DevTools (from the source map); not exported. */
  source: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  /** 1-based, in the original file. */
  line: v.number(),
  column: v.number(),
  /** The enclosing component, when the site is inside one. */
  component: v.optional(v.pipe(v.string(), v.maxLength(256))),
  /** The query or action name defined here, once the definition ran. */
  name: v.optional(v.pipe(v.string(), v.maxLength(4096))),
});
export type SourceSite = v.InferOutput<typeof SourceSiteSchema>;

/** A site as text, for people and for exported sessions: `file:line:column`. */
export const siteText = (site: Pick<SourceSite, "file" | "line" | "column">) => `${site.file}:${site.line}:${site.column}`;
