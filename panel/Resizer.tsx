/*
 * A handle on a pane's edge: drag it with the pointer, or focus it and use the arrow keys. The
 * owner turns pointer positions (or steps) into its size, which the panel's settings remember.
 */
import type { JSX } from "solid-js";

export interface ResizerProps {
  /** For tests and styles: which pane this resizes. */
  name: string;
  /** The separator's direction, where it is fixed (a pane that stacks when narrow leaves it to CSS). */
  orientation?: "vertical" | "horizontal";
  /** The pointer at `event` while held down. */
  onMove: (event: PointerEvent) => void;
  /** An arrow key: -1 left or up, +1 right or down. */
  onStep: (direction: -1 | 1) => void;
  class?: string;
}

export function Resizer(props: ResizerProps): JSX.Element {
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture?.(event.pointerId);
    const move = (e: PointerEvent) => props.onMove(e);
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = ({ ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 } as const)[event.key as "ArrowLeft"];
    if (!direction) return;
    event.preventDefault();
    event.stopPropagation();
    props.onStep(direction);
  };
  return (
    <div
      class={`resizer ${props.class ?? ""}`}
      role="separator"
      aria-orientation={props.orientation}
      tabIndex={0}
      title="drag, or focus and use the arrow keys, to resize"
      data-resize={props.name}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
