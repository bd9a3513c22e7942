/*
 * Opening a source site in DevTools' own Sources panel, at its line: only where the DevTools API is
 * (the extension's panel; the in-page overlay and a panel in a tab offer the editor alone). The
 * resource is the one the page loaded (Vite serves the app's files at their path under its base),
 * and DevTools shows it through the page's source maps, as the developer wrote it.
 */
import type { SourceSite } from "../../bridge/source-site.ts";

interface Resource {
  url: string;
}
interface DevtoolsApi {
  panels?: { openResource?(url: string, lineNumber: number, columnNumber: number, callback?: (result?: { isError?: boolean; code?: string }) => void): void };
  inspectedWindow?: { getResources?(callback: (resources: Resource[]) => void): void };
}

/** Opens `site` in Sources; resolves with what went wrong, if anything. Undefined: no DevTools API here. */
export type OpenInSources = (site: SourceSite, pageUrl: string | undefined) => Promise<string | undefined>;

export function sourcesOpener(): OpenInSources | undefined {
  const devtools = (globalThis as { chrome?: { devtools?: DevtoolsApi } }).chrome?.devtools;
  const panels = devtools?.panels;
  if (typeof panels?.openResource !== "function") return undefined;
  return async (site, pageUrl) => {
    const url = await loadedUrl(devtools!, site, pageUrl);
    if (!url) return `the page has not loaded ${site.file} (renamed or deleted?)`;
    return new Promise((resolve) => {
      try {
        panels.openResource!(url, site.line - 1, site.column - 1, (result) => resolve(result?.isError ? `DevTools could not open ${site.file}${result.code ? ` (${result.code})` : ""}` : undefined));
      } catch (error) {
        resolve(String(error));
      }
    });
  };
}

/**
 * The URL of the page's resource for the site's module, as the page loaded it (any query string
 * dropped); where the page's resources cannot be listed, the site's path on the page's origin.
 */
function loadedUrl(devtools: DevtoolsApi, site: SourceSite, pageUrl: string | undefined): Promise<string | undefined> {
  const getResources = devtools.inspectedWindow?.getResources;
  if (typeof getResources !== "function") return Promise.resolve(pageUrl ? new URL(site.url, pageUrl).href : undefined);
  return new Promise((resolve) => {
    getResources((resources) => {
      const found = resources.map((resource) => resource.url).filter((url) => pathOf(url) === site.url);
      resolve(found.length ? stripQuery(found[found.length - 1]) : undefined);
    });
  });
}

function pathOf(url: string): string | undefined {
  try {
    return decodeURI(new URL(url).pathname);
  } catch {
    return undefined;
  }
}

const stripQuery = (url: string) => url.replace(/[?#].*$/, "");
