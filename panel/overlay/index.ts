/*
 * The package's `./overlay` entry: `mountOverlay(options)` puts a small button in the page that
 * opens the same panel the extension shows, docked inside the page (TanStack Query Devtools' way).
 * This module is all the app pays for until the panel is first opened: the button, its shortcut
 * and the remembered layout. The panel is a separate chunk loaded by the first open
 * (panel-mount.tsx). Everything lives in a shadow root on its own host element, so the app's CSS
 * cannot reach it and its CSS cannot reach the app.
 */
import buttonCss from "./button.css?inline";
import { defaultLayout, loadLayout, saveLayout, type OverlayLayout } from "./layout.ts";
import { matchesShortcut, parseShortcut, resolveOverlayOptions, type OverlayOptions } from "./options.ts";

export type { ButtonPosition, OverlayOptions, PanelPosition } from "./options.ts";

export interface Overlay {
  /** Loads the panel (the first time) and shows it. */
  open(): Promise<void>;
  close(): void;
  toggle(): Promise<void>;
  /** Removes the button, the panel and the shortcut from the page. */
  dispose(): void;
}

/** The host element's attribute: tests and the app can find the overlay by it. */
export const HOST_ATTRIBUTE = "data-solid-query-devtools";

export function mountOverlay(options: OverlayOptions = {}): Overlay {
  const resolved = resolveOverlayOptions(options);
  const storage = storageOrUndefined();
  let layout = loadLayout(storage, defaultLayout(resolved.initialIsOpen, resolved.position));
  const setLayout = (next: OverlayLayout) => {
    layout = next;
    saveLayout(storage, layout);
  };

  const host = document.createElement("div");
  host.setAttribute(HOST_ATTRIBUTE, "");
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = buttonCss;
  const button = document.createElement("button");
  button.className = "toggle";
  button.dataset.overlayButton = "";
  button.dataset.corner = resolved.buttonPosition;
  button.textContent = "SQ";
  button.title = `Solid Query Devtools${resolved.shortcut ? ` (${resolved.shortcut})` : ""}`;
  button.setAttribute("aria-label", "Open Solid Query Devtools");
  button.addEventListener("click", () => void open());
  root.append(style, button);

  /** The mounted panel's teardown, while it is open. */
  let unmount: (() => void) | undefined;
  /** The pending first load, so two quick clicks mount once. */
  let opening: Promise<void> | undefined;

  async function open() {
    if (unmount) return;
    opening ??= import("./panel-mount.tsx").then(({ mountPanel }) => {
      opening = undefined;
      if (unmount || !host.isConnected) return;
      button.hidden = true;
      setLayout({ ...layout, open: true });
      unmount = mountPanel({ root, layout: () => layout, setLayout, close });
    });
    return opening;
  }

  function close() {
    unmount?.();
    unmount = undefined;
    button.hidden = false;
    setLayout({ ...layout, open: false });
    button.focus();
  }

  const toggle = () => (unmount ? Promise.resolve(close()) : open());

  const shortcut = resolved.shortcut ? parseShortcut(resolved.shortcut) : undefined;
  const onKey = (event: KeyboardEvent) => {
    if (!shortcut || !matchesShortcut(shortcut, event)) return;
    event.preventDefault();
    void toggle();
  };
  window.addEventListener("keydown", onKey);

  // Outside <body>, after the current task: a framework hydrating or re-rendering the body (SolidStart
  // hydrates the whole document) never meets the host.
  const attach = setTimeout(() => {
    document.documentElement.append(host);
    if (layout.open) void open();
  });

  return {
    open,
    close: () => unmount && close(),
    toggle,
    dispose() {
      clearTimeout(attach);
      window.removeEventListener("keydown", onKey);
      unmount?.();
      unmount = undefined;
      host.remove();
    },
  };
}

/** localStorage, unless the page may not use it (sandboxed frames throw on access). */
function storageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
