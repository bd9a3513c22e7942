/*
 * How the panel learns whether the extension runs on the inspected page's site, and turns it on or
 * off. An interface, so the panel runs without it (tests, a panel inside the page): then it simply
 * offers nothing. The extension's implementation asks the browser for the site from the panel
 * (a click there is the user gesture `permissions.request` needs), lets the service worker
 * register the content script and answer, and reloads the inspected page so the content script is
 * listening before the page's runtime starts. The page's URL comes from the page itself
 * (`inspectedWindow.eval`): a tab's URL is hidden from an extension without access to its site.
 */
import { originRequest, parseOriginStatus, type OriginStatus } from "../../bridge/origin-protocol.ts";

export type EnableResult = { ok: true } | { ok: false; reason: string };

export interface OriginAccess {
  /** Where the inspected page is and whether the extension runs there. */
  status(): Promise<OriginStatus>;
  /** Whether `enable` can ask the browser from here (Firefox gives DevTools panels no permissions API). */
  readonly canRequest: boolean;
  /** Asks for `site` (call it from a click), then reloads the inspected page. */
  enable(site: string): Promise<EnableResult>;
  /** Gives up the inspected page's site, then reloads the page. */
  disable(): Promise<OriginStatus>;
  /** Calls `listener` when the inspected page navigates; returns the unsubscribe. */
  onNavigated(listener: () => void): () => void;
}

/** The extension APIs the panel's implementation uses (webextension-polyfill's fit). */
export interface PanelOriginApis {
  inspectedWindow: { eval(expression: string): Promise<unknown>; reload(options?: object): void };
  network: { onNavigated: { addListener(listener: (url: string) => void): void; removeListener(listener: (url: string) => void): void } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  /** Absent in Firefox's DevTools panels (bug 1796933). */
  permissions?: { request(permissions: { origins: string[] }): Promise<boolean> };
}

/** `http://devbox.test/*` → `devbox.test`, for people. */
export const siteHost = (site: string) => /^[a-z]+:\/\/([^/]+)/.exec(site)?.[1] ?? site;

export function createExtensionOriginAccess(apis: PanelOriginApis): OriginAccess {
  async function inspectedUrl(): Promise<string> {
    // [result, exceptionInfo] as typed; but Chrome calls back with the result alone when nothing
    // was thrown, and webextension-polyfill then resolves with just that.
    const answer = await apis.inspectedWindow.eval("location.href");
    const [url, exception] = Array.isArray(answer) ? answer : [answer, undefined];
    // Pages DevTools may not evaluate in (the browser's own) have no site we could run on.
    return typeof url === "string" && !exception ? url : "about:blank";
  }

  async function ask(kind: "status" | "disable"): Promise<OriginStatus> {
    const reply = parseOriginStatus(await apis.runtime.sendMessage(originRequest(kind, await inspectedUrl())));
    if (!reply) throw new Error("the extension's service worker gave no valid answer about site access");
    return reply;
  }

  return {
    status: () => ask("status"),
    canRequest: apis.permissions !== undefined,
    async enable(site) {
      if (!apis.permissions) return { ok: false, reason: "This browser does not let DevTools panels ask for site access." };
      let granted: boolean;
      try {
        // First, before any other await: the click's user activation must still be fresh.
        granted = await apis.permissions.request({ origins: [site] });
      } catch (error) {
        return { ok: false, reason: `The browser refused to ask for ${siteHost(site)}: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!granted) return { ok: false, reason: `Access to ${siteHost(site)} was not granted, so nothing changed.` };
      // The service worker registers the content script before it answers.
      const status = await ask("status");
      if (status.kind !== "granted") return { ok: false, reason: `Access to ${siteHost(site)} was granted, but the extension still does not run there.` };
      apis.inspectedWindow.reload({});
      return { ok: true };
    },
    async disable() {
      const status = await ask("disable");
      apis.inspectedWindow.reload({});
      return status;
    },
    onNavigated(listener) {
      const onNavigated = () => listener();
      apis.network.onNavigated.addListener(onNavigated);
      return () => apis.network.onNavigated.removeListener(onNavigated);
    },
  };
}
