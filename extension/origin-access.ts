/*
 * Which sites the content script runs on, over injected permissions/scripting APIs so tests drive
 * it with a fake browser. The manifest runs it on local dev origins only (no install prompt about
 * "all your data on all websites"); any other site runs it once the user grants that site from the
 * panel (an optional host permission), through a content script registered here for the site.
 * Registrations follow the grants: `sync` registers granted sites and drops revoked ones, and runs
 * at service-worker start and on every permission change (the user may also grant or revoke in
 * the browser's own extension settings). Everything runs one at a time: two overlapping syncs
 * would both register the same site.
 */
import { parseOriginRequest, type OriginStatus } from "../bridge/origin-protocol.ts";

/** A content script as the manifest declares it (runtime.getManifest().content_scripts[n]). */
export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
}

/** What gets registered per granted site. */
export interface SiteScript {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  runAt: "document_start";
  allFrames: false;
  persistAcrossSessions: true;
}

/** The parts of `permissions` and `scripting` used (webextension-polyfill's and chrome's fit). */
export interface OriginApis {
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string; js?: string[] }[]>;
    registerContentScripts(scripts: SiteScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

export interface OriginAccess {
  /** Brings registrations in line with the granted sites. */
  sync(): Promise<void>;
  /** Whether the extension runs on `url`'s site (after a sync, so a fresh grant is registered). */
  status(url: string): Promise<OriginStatus>;
  /** Gives up `url`'s site: its permission and its registration. Local dev origins stay on. */
  disable(url: string): Promise<OriginStatus>;
  /** Answers the panel's origin requests; undefined for other messages (not ours to answer). */
  handle(message: unknown): Promise<OriginStatus> | undefined;
}

const ID_PREFIX = "site:";

/** `url`'s site as a match pattern without port (Firefox accepts none; any dev server port counts), or why there is none. */
export function siteOf(url: string): { ok: true; site: string; host: string } | { ok: false; scheme: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, scheme: "unknown" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { ok: false, scheme: parsed.protocol.slice(0, -1) };
  return { ok: true, site: `${parsed.protocol}//${parsed.hostname}/*`, host: parsed.hostname };
}

/** Whether match pattern `pattern` covers every URL of `site` (itself a `scheme://host/*` pattern). */
export function covers(pattern: string, site: string): boolean {
  if (pattern === "<all_urls>") return true;
  const p = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(pattern);
  const s = /^(https?):\/\/([^/]+)\/\*$/.exec(site);
  if (!p || !s) return false;
  const [, scheme, host] = p;
  if (scheme !== "*" && scheme !== s[1]) return false;
  if (host === "*" || host === s[2]) return true;
  return host.startsWith("*.") && (s[2] === host.slice(2) || s[2].endsWith(host.slice(1)));
}

export function createOriginAccess(apis: OriginApis, manifestScripts: readonly ManifestContentScript[]): OriginAccess {
  const defaults = manifestScripts.flatMap((script) => script.matches ?? []);
  // The built file: crxjs names it at build time, so it is read from the manifest, never spelled here.
  const declared = manifestScripts.find((script) => script.js?.length)?.js;
  if (!declared) throw new Error("the manifest declares no content script to register");
  const js: readonly string[] = declared;

  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  const grantedSites = async () => ((await apis.permissions.getAll()).origins ?? []).filter((origin) => !defaults.includes(origin));

  const script = (site: string): SiteScript => ({
    id: ID_PREFIX + site,
    matches: [site],
    // A wide grant (all sites) must not run a second copy where the manifest's script runs.
    excludeMatches: defaults,
    js: [...js],
    runAt: "document_start",
    allFrames: false,
    persistAcrossSessions: true,
  });

  async function syncNow() {
    const wanted = new Set(await grantedSites());
    const registered = (await apis.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
    // A registration from an older build may name a file this build does not have.
    const current = (s: { id: string; js?: string[] }) => wanted.has(s.id.slice(ID_PREFIX.length)) && s.js?.join() === js.join();
    const stale = registered.filter((s) => !current(s)).map((s) => s.id);
    if (stale.length) await apis.scripting.unregisterContentScripts({ ids: stale });
    const kept = new Set(registered.filter(current).map((s) => s.id));
    const missing = [...wanted].filter((site) => !kept.has(ID_PREFIX + site));
    if (missing.length) await apis.scripting.registerContentScripts(missing.map(script));
  }

  async function statusNow(url: string): Promise<OriginStatus> {
    const parsed = siteOf(url);
    if (!parsed.ok) return { kind: "unsupported", scheme: parsed.scheme };
    const { site } = parsed;
    if (defaults.some((pattern) => covers(pattern, site))) return { kind: "default", site };
    const granted = await grantedSites();
    if (!granted.some((pattern) => covers(pattern, site))) return { kind: "off", site };
    return { kind: "granted", site, revocable: granted.includes(site) };
  }

  const access: OriginAccess = {
    sync: () => serial(syncNow),
    status: (url) =>
      serial(async () => {
        await syncNow();
        return statusNow(url);
      }),
    disable: (url) =>
      serial(async () => {
        const parsed = siteOf(url);
        if (parsed.ok && !defaults.some((pattern) => covers(pattern, parsed.site))) {
          await apis.permissions.remove({ origins: [parsed.site] });
        }
        await syncNow();
        return statusNow(url);
      }),
    handle(message) {
      const request = parseOriginRequest(message);
      if (!request) return undefined;
      return request.kind === "status" ? access.status(request.url) : access.disable(request.url);
    },
  };
  return access;
}
