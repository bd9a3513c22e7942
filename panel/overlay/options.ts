/*
 * The in-page overlay's options, as `queryDevtools({ overlay: { … } })` or `mountOverlay({ … })`
 * take them (named like TanStack Query Devtools' own), their defaults, and the toggle shortcut:
 * parsed once from text such as "Alt+Shift+D" and matched by physical key, since Alt (Option on a
 * Mac) changes the character a letter key types.
 */

export type ButtonPosition = "bottom-right" | "bottom-left" | "top-right" | "top-left";
export type PanelPosition = "bottom" | "right";

export interface OverlayOptions {
  /** Open the panel on the first load; later loads remember whether it was open. Default false. */
  initialIsOpen?: boolean;
  /** The corner of the toggle button. Default "bottom-right". */
  buttonPosition?: ButtonPosition;
  /** Where the panel docks on the first load (later loads remember it). Default "bottom". */
  position?: PanelPosition;
  /** Opens and closes the panel from anywhere in the page; `false`: none. Default "Alt+Shift+D". */
  shortcut?: string | false;
}

export type ResolvedOverlayOptions = Required<OverlayOptions>;

const BUTTON_POSITIONS: readonly ButtonPosition[] = ["bottom-right", "bottom-left", "top-right", "top-left"];
const PANEL_POSITIONS: readonly PanelPosition[] = ["bottom", "right"];

/** Unknown values fall back to the defaults: the options come from hand-written config. */
export function resolveOverlayOptions(options: OverlayOptions = {}): ResolvedOverlayOptions {
  return {
    initialIsOpen: options.initialIsOpen === true,
    buttonPosition: BUTTON_POSITIONS.includes(options.buttonPosition!) ? options.buttonPosition! : "bottom-right",
    position: PANEL_POSITIONS.includes(options.position!) ? options.position! : "bottom",
    shortcut: options.shortcut === false ? false : typeof options.shortcut === "string" ? options.shortcut : "Alt+Shift+D",
  };
}

export interface Shortcut {
  alt: boolean;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
  /** `KeyboardEvent.code` for letters and digits, else `KeyboardEvent.key` (e.g. "F12"). */
  code?: string;
  key?: string;
}

/** "Alt+Shift+D", "Ctrl+`", "Meta+F12"; undefined when it names no key or an unknown modifier. */
export function parseShortcut(text: string): Shortcut | undefined {
  const parts = text.split("+").map((part) => part.trim());
  const last = parts.pop();
  if (!last) return undefined;
  const shortcut: Shortcut = { alt: false, shift: false, ctrl: false, meta: false };
  for (const modifier of parts.map((part) => part.toLowerCase())) {
    if (modifier === "alt" || modifier === "option") shortcut.alt = true;
    else if (modifier === "shift") shortcut.shift = true;
    else if (modifier === "ctrl" || modifier === "control") shortcut.ctrl = true;
    else if (modifier === "meta" || modifier === "cmd") shortcut.meta = true;
    else return undefined;
  }
  if (/^[a-z]$/i.test(last)) shortcut.code = `Key${last.toUpperCase()}`;
  else if (/^\d$/.test(last)) shortcut.code = `Digit${last}`;
  else shortcut.key = last;
  return shortcut;
}

type KeyLike = Pick<KeyboardEvent, "altKey" | "shiftKey" | "ctrlKey" | "metaKey" | "code" | "key">;

export function matchesShortcut(shortcut: Shortcut, event: KeyLike): boolean {
  if (event.altKey !== shortcut.alt || event.shiftKey !== shortcut.shift || event.ctrlKey !== shortcut.ctrl || event.metaKey !== shortcut.meta) return false;
  return shortcut.code !== undefined ? event.code === shortcut.code : event.key === shortcut.key;
}
