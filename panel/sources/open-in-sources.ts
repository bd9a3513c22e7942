/*
 * Opening a source site in DevTools' own Sources panel, at its line: only where the DevTools API is
 * (the extension's panel; the in-page overlay and a panel in a tab offer the editor alone). DevTools
 * knows the original file, as the developer wrote it, by the URL the page's source map gives it
 * (`site.source`, see runtime/source-sites-transform.ts).
 */
import type { SourceSite } from "../../bridge/source-site.ts";

interface DevtoolsPanels {
  openResource?(url: string, lineNumber: number, columnNumber: number, callback?: (result?: { isError?: boolean; code?: string }) => void): void;
}

/** Opens `site` in Sources; resolves with what went wrong, if anything. */
export type OpenInSources = (site: SourceSite) => Promise<string | undefined>;

/** Undefined where there is no DevTools API. */
export function sourcesOpener(): OpenInSources | undefined {
  const panels = (globalThis as { chrome?: { devtools?: { panels?: DevtoolsPanels } } }).chrome?.devtools?.panels;
  if (typeof panels?.openResource !== "function") return undefined;
  return (site) =>
    new Promise((resolve) => {
      if (!site.source) return resolve(`no source URL for ${site.file}`);
      try {
        panels.openResource!(site.source, site.line - 1, site.column - 1, (result) =>
          resolve(result?.isError ? `DevTools has no ${site.file}${result.code === "E_NOTFOUND" ? ": the page has not loaded it (renamed or deleted?)" : ` (${result.code ?? "error"})`}` : undefined),
        );
      } catch (error) {
        resolve(String(error));
      }
    });
}
