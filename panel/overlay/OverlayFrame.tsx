/*
 * The overlay's docked frame: a drag handle on its inner edge that resizes it, a bar to dock it
 * at the bottom or the right and to close it, and the panel inside. Size and place go to the
 * layout the overlay remembers; the size stays within the window as the window changes.
 */
import { createSignal, onCleanup, type JSX } from "solid-js";
import type { Theme } from "../App.tsx";
import { clampSize, type OverlayLayout } from "./layout.ts";

export interface FrameProps {
  layout: OverlayLayout;
  theme: Theme;
  onLayout(layout: OverlayLayout): void;
  onClose(): void;
  children: JSX.Element;
}

export function OverlayFrame(props: FrameProps): JSX.Element {
  const [viewport, setViewport] = createSignal({ width: window.innerWidth, height: window.innerHeight });
  const onResize = () => setViewport({ width: window.innerWidth, height: window.innerHeight });
  window.addEventListener("resize", onResize);
  onCleanup(() => window.removeEventListener("resize", onResize));
  const [dragging, setDragging] = createSignal(false);

  const position = () => props.layout.position;
  const extent = () => (position() === "bottom" ? viewport().height : viewport().width);
  const size = () => clampSize(props.layout.size[position()], extent());

  /** The pointer's distance from the window's far edge is the new size, while the handle is held. */
  const startDrag = (event: PointerEvent) => {
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    setDragging(true);
    event.preventDefault();
  };
  const drag = (event: PointerEvent) => {
    if (!dragging()) return;
    const next = position() === "bottom" ? window.innerHeight - event.clientY : window.innerWidth - event.clientX;
    props.onLayout({ ...props.layout, size: { ...props.layout.size, [position()]: clampSize(next, extent()) } });
  };
  const endDrag = () => setDragging(false);

  return (
    <div
      class="frame"
      // A click anywhere in it focuses it, so the panel's keys (heard on its shadow root) then work.
      tabIndex={-1}
      data-overlay-frame
      data-position={position()}
      data-theme={props.theme}
      style={position() === "bottom" ? { height: `${size()}px` } : { width: `${size()}px` }}
    >
      <div
        class="resize"
        data-overlay-resize
        data-dragging={dragging() ? "" : undefined}
        title="Drag to resize"
        onPointerDown={startDrag}
        onPointerMove={drag}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      />
      <div class="body">
        <div class="frame-bar">
          <span class="title">Solid Query Devtools</span>
          <button
            data-overlay-dock
            title={position() === "bottom" ? "Dock to the right" : "Dock to the bottom"}
            onClick={() => props.onLayout({ ...props.layout, position: position() === "bottom" ? "right" : "bottom" })}
          >
            {position() === "bottom" ? "⇥" : "⤓"}
          </button>
          <button data-overlay-close title="Close" aria-label="Close Solid Query Devtools" onClick={() => props.onClose()}>
            ✕
          </button>
        </div>
        {props.children}
      </div>
    </div>
  );
}
