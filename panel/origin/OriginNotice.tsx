/*
 * What the panel says about site access. In the "no runtime found" notice: on a site the extension
 * does not run on, that it is not enabled there, with one button asking the browser for that site
 * alone (`children`, the plugin instructions, only where the extension does run, since there the
 * runtime is what is missing); on a page that is no web page, a plain word. In the toolbar: on a
 * site the user enabled, that they did, with the way back. Without site access (tests, in-page)
 * both show nothing of their own.
 */
import { Match, Show, Switch, type JSX } from "solid-js";
import { siteHost } from "./origin-access.ts";
import type { OriginState } from "./origin-state.ts";

export function OriginNotice(props: { origin?: OriginState; children: JSX.Element }): JSX.Element {
  const unsupported = () => {
    const status = props.origin?.status();
    return status?.kind === "unsupported" ? status : undefined;
  };
  const off = () => {
    const status = props.origin?.status();
    return status?.kind === "off" ? status : undefined;
  };
  return (
    <Switch fallback={props.children}>
      <Match when={unsupported()}>
        {(page) => (
          <div class="notice" data-notice="unsupported-page">
            <h2>Not a web page</h2>
            <p>Solid Query Devtools runs on http and https pages only; this is a {page().scheme}: page.</p>
          </div>
        )}
      </Match>
      <Match when={off()}>
        {(page) => {
          const site = () => page().site;
          return (
            <div class="notice" data-notice="origin-off" data-site={site()}>
              <h2>Not enabled on {siteHost(site())}</h2>
              <p>
                Solid Query Devtools runs by itself only on localhost, 127.0.0.1 and [::1]. Another site (a LAN address, a custom dev host,
                a preview URL) needs your permission, one site at a time; it is remembered until you disable it.
              </p>
              <Show
                when={props.origin?.canRequest}
                fallback={
                  <p data-origin-help="manual">
                    This browser does not let DevTools panels ask for it: allow the extension on {siteHost(site())} from the browser's
                    Extensions button or its add-ons manager (Permissions), then reload the page.
                  </p>
                }
              >
                <button data-action="enable-origin" disabled={props.origin?.busy()} onClick={() => void props.origin?.enable(site())}>
                  Enable on {siteHost(site())}
                </button>
              </Show>
              <Show when={props.origin?.error()}>
                <p class="error-text" data-origin-error>
                  {props.origin?.error()}
                </p>
              </Show>
            </div>
          );
        }}
      </Match>
    </Switch>
  );
}

/** In the toolbar, on a site the user enabled: says so, and disables it again. */
export function OriginBadge(props: { origin?: OriginState }): JSX.Element {
  const granted = () => {
    const status = props.origin?.status();
    return status?.kind === "granted" ? status : undefined;
  };
  return (
    <Show when={granted()}>
      {(status) => (
        <span
          class="origin-badge"
          data-origin="granted"
          title={status().revocable ? `You enabled Solid Query Devtools on ${status().site}` : "Enabled through a wider grant: change it in the browser's extension settings"}
        >
          Enabled on {siteHost(status().site)} by you
          <Show when={status().revocable}>
            {" "}
            <button data-action="disable-origin" disabled={props.origin?.busy()} onClick={() => void props.origin?.disable()}>
              Disable on this origin
            </button>
          </Show>
        </span>
      )}
    </Show>
  );
}
