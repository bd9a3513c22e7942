/*
 * A virtualized list of fixed-height rows (TanStack Virtual): 10,000 keys or 100,000 events
 * render only what is on screen. Where layout reports no size (a hidden panel, a test DOM) it
 * assumes a viewport, so rows still render.
 */
import { createVirtualizer, observeElementRect } from "@tanstack/solid-virtual";
import { Index, createEffect, createMemo, on, untrack, type JSX } from "solid-js";

export const ROW_HEIGHT = 22;
const FALLBACK = { width: 800, height: 600 };

export interface VirtualListHandle {
  scrollToIndex(index: number): void;
  focus(): void;
}

export function VirtualList<T>(props: {
  items: readonly T[];
  /**
   * What an item stands for (a key, an event's seq). A slot that goes on showing the same one
   * updates in place, through `item`, when its object is replaced: a stream that replaces every
   * entry's object each batch re-renders no row, and a button under the pointer stays put.
   */
  identity: (item: T) => unknown;
  children: (item: () => T) => JSX.Element;
  ref?: (handle: VirtualListHandle) => void;
  class?: string;
  label: string;
  onKeyDown?: (event: KeyboardEvent) => void;
  /** Keep the newest (last) row in view while the user has not scrolled away from the end, like a console. */
  follow?: boolean;
}): JSX.Element {
  let scroller!: HTMLDivElement;
  const virtualizer = createVirtualizer({
    get count() {
      return props.items.length;
    },
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: FALLBACK,
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : FALLBACK)),
  });
  let atEnd = true;
  createEffect(
    on(
      () => props.items.length,
      (length) => {
        if (props.follow && atEnd && length) queueMicrotask(() => virtualizer.scrollToIndex(length - 1, { align: "end" }));
      },
    ),
  );
  const onScroll = () => (atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - ROW_HEIGHT);
  props.ref?.({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }), focus: () => scroller.focus() });
  return (
    <div class={`virtual ${props.class ?? ""}`} ref={scroller} tabIndex={0} role="listbox" aria-label={props.label} onScroll={onScroll} onKeyDown={(e) => props.onKeyDown?.(e)}>
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: "relative" }}>
        <Index each={virtualizer.getVirtualItems()}>
          {(row) => {
            // Re-rendered only when the slot shows another identity (virtual rows outlive the items
            // they show); a new object of the same one reaches the rendered row through `shown`.
            const item = createMemo(() => props.items[row().index]);
            const identity = createMemo(() => {
              const current = item();
              return current === undefined ? undefined : props.identity(current);
            });
            let last: T | undefined;
            const shown = () => (last = item() ?? last) as T;
            return (
              <div class="virtual-row" style={{ transform: `translateY(${row().start}px)`, height: `${ROW_HEIGHT}px` }}>
                {(() => (identity() === undefined ? null : untrack(() => props.children(shown))))()}
              </div>
            );
          }}
        </Index>
      </div>
    </div>
  );
}
