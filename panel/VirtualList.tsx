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
  children: (item: T) => JSX.Element;
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
            // Re-rendered only when the slot shows another item (virtual rows outlive the items they
            // show): an item the list still holds keeps its DOM across updates.
            const item = createMemo(() => props.items[row().index]);
            return (
              <div class="virtual-row" style={{ transform: `translateY(${row().start}px)`, height: `${ROW_HEIGHT}px` }}>
                {(() => {
                  const current = item();
                  return current === undefined ? null : untrack(() => props.children(current));
                })()}
              </div>
            );
          }}
        </Index>
      </div>
    </div>
  );
}
