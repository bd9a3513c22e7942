/*
 * What the overlay remembers across reloads, in localStorage: whether it is open, where it docks
 * and how large it is at each place. Stored text is checked field by field (another version of the
 * page, or a person, may have written it); the size is kept within the window on every read.
 */
import type { PanelPosition } from "./options.ts";

export interface OverlayLayout {
  open: boolean;
  position: PanelPosition;
  /** Pixels: the height when docked at the bottom, the width when docked at the right. */
  size: Record<PanelPosition, number>;
}

export const LAYOUT_KEY = "solid-query-devtools:overlay";
/** Smaller, the toolbar and a row no longer fit. */
export const MIN_SIZE = 120;
/** The page keeps at least this much beside the panel, to grab and to see. */
const PAGE_MARGIN = 40;

type StorageLike = Pick<Storage, "getItem" | "setItem">;

export function defaultLayout(open: boolean, position: PanelPosition): OverlayLayout {
  return { open, position, size: { bottom: 320, right: 520 } };
}

/** The stored layout over `fallback`: each field that is missing or malformed keeps the fallback's. */
export function loadLayout(storage: StorageLike | undefined, fallback: OverlayLayout): OverlayLayout {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(LAYOUT_KEY) ?? "null");
  } catch {
    return fallback;
  }
  if (typeof stored !== "object" || stored === null) return fallback;
  const { open, position, size } = stored as Record<string, unknown>;
  const sizes = typeof size === "object" && size !== null ? (size as Record<string, unknown>) : {};
  const sizeOf = (at: PanelPosition) => (typeof sizes[at] === "number" && Number.isFinite(sizes[at]) ? (sizes[at] as number) : fallback.size[at]);
  return {
    open: typeof open === "boolean" ? open : fallback.open,
    position: position === "bottom" || position === "right" ? position : fallback.position,
    size: { bottom: sizeOf("bottom"), right: sizeOf("right") },
  };
}

/** Storage can be full or denied (private modes): the overlay then forgets, and keeps working. */
export function saveLayout(storage: StorageLike | undefined, layout: OverlayLayout): void {
  try {
    storage?.setItem(LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // Nothing to do: the next load starts from the options.
  }
}

/** A size that leaves the page its margin and the panel its minimum, for a window of `viewport` pixels. */
export function clampSize(size: number, viewport: number): number {
  return Math.round(Math.max(MIN_SIZE, Math.min(size, viewport - PAGE_MARGIN)));
}
