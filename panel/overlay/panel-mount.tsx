/*
 * The overlay's panel, loaded on its first open: the extension's very panel (App and its store)
 * over an in-memory wall to an agent of its own on the page's hook. The extension's agent keeps
 * its window channel: both can be open at once, each with its own cursor and watched values.
 *
 * The published chunk bundles its own solid-js (runtime/tsdown.config.ts), compiled without event
 * delegation: a separate reactive graph and root from the app's, whatever solid-js version the app
 * uses, and no document-level listeners, which the app's Solid would also run for the panel's
 * elements (and the panel's for the app's).
 */
import { createSignal } from "solid-js";
import { render } from "solid-js/web";
import { panelCommand } from "../../bridge/protocol.ts";
import { createWallPair } from "../../bridge/wall.ts";
import { createAgent, type Agent } from "../../runtime/agent.ts";
import { GLOBAL_HOOK, type DevtoolsHook } from "../../runtime/devtools-hook.ts";
import { App, type Theme } from "../App.tsx";
import { createSettings, parseSettings } from "../settings/settings.ts";
import { localSettingsStorage } from "../settings/settings-storage.ts";
import { createPanelStore } from "../store.ts";
import themeCss from "../theme.css?inline";
import type { OverlayLayout } from "./layout.ts";
import { OverlayFrame } from "./OverlayFrame.tsx";
import overlayCss from "./overlay.css?inline";

export interface PanelHost {
  root: ShadowRoot;
  layout(): OverlayLayout;
  setLayout(layout: OverlayLayout): void;
  close(): void;
}

/** Until the router's modules load, the page has no hook yet: look again this often. */
const HOOK_POLL_MS = 200;

/** Shows the panel in `root`; the returned function removes it and stops its agent. */
export function mountPanel(host: PanelHost): () => void {
  const [pageSide, panelSide] = createWallPair();
  let agent: Agent | undefined;
  const connect = () => {
    const hook = (globalThis as Record<string, unknown>)[GLOBAL_HOOK] as DevtoolsHook | undefined;
    if (!hook) return false;
    agent = createAgent(hook, pageSide, () => location.href);
    // What the extension's relay does when its panel opens: the agent starts streaming, with a snapshot.
    panelSide.send(panelCommand({ kind: "connect" }));
    return true;
  };
  const poll = connect() ? undefined : setInterval(() => connect() && clearInterval(poll), HOOK_POLL_MS);
  // As the extension's panel: a busy page's batches render together, at most ten times a second.
  const store = createPanelStore(panelSide, { coalesceMs: 100 });
  // Remembered per origin of the app, beside the overlay's layout.
  const settingsStorage = localSettingsStorage(() => localStorage);
  const settings = createSettings(settingsStorage, parseSettings(settingsStorage.readNow()));

  const style = document.createElement("style");
  style.textContent = themeCss + overlayCss;
  const container = document.createElement("div");
  host.root.append(style, container);

  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const [theme, setTheme] = createSignal<Theme>(dark.matches ? "dark" : "light");
  const onScheme = () => setTheme(dark.matches ? "dark" : "light");
  dark.addEventListener("change", onScheme);
  const [layout, setLayout] = createSignal(host.layout());
  const dispose = render(
    () => (
      <OverlayFrame
        layout={layout()}
        theme={theme()}
        onLayout={(next) => {
          setLayout(next);
          host.setLayout(next);
        }}
        onClose={host.close}
      >
        <App store={store} theme={theme()} settings={settings} />
      </OverlayFrame>
    ),
    container,
  );

  return () => {
    clearInterval(poll);
    dark.removeEventListener("change", onScheme);
    dispose();
    agent?.dispose();
    style.remove();
    container.remove();
  };
}
