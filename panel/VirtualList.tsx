/*
 * A virtualized list of fixed-height rows (TanStack Virtual): 10,000 keys or 100,000 events
 * render only what is on screen. Where layout reports no size (a hidden panel, a test DOM) it
 * assumes a viewport, so rows still render.
 */
import { createVirtualizer, observeElementRect } from "@tanstack/solid-virtual";
import { For, createEffect, createMemo, on, untrack, type JSX } from "solid-js";

export const ROW_HEIGHT = 22;
const OVERSCAN = 10;
const FALLBACK = { width: 800, height: 600 };

export interface VirtualListHandle {
  scrollToIndex(index: number): void;
  focus(): void;
}

export function VirtualList<T>(props: {
  items: readonly T[];
  /**
   * What an item stands for (a key, the log item a timeline row starts with); unique in `items`.
   * A row that goes on showing the same one updates in place, through `item`, when its object is
   * replaced or it moves: a stream that replaces every entry's object each batch re-renders no
   * row, and a button under the pointer stays put.
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
    overscan: OVERSCAN,
    initialRect: FALLBACK,
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : FALLBACK)),
  });
  let atEnd = true;
  /**
   * The rows the end of the list shows, as the virtualizer will place them once the scroll to the
   * end lands: a followed list whose items grew past its window renders these at once instead
   * of the rows at its old position first (a snapshot's first render: the rows at the top).
   */
  const endRows = (count: number) => {
    const height = virtualizer.scrollRect?.height || FALLBACK.height;
    const first = Math.max(0, Math.floor(Math.max(0, count * ROW_HEIGHT - height) / ROW_HEIGHT) - OVERSCAN);
    return Array.from({ length: count - first }, (_, i) => ({ index: first + i, start: (first + i) * ROW_HEIGHT }));
  };
  /** The identities of the rows on screen, and where each one is. */
  const slots = createMemo(() => {
    const ids: unknown[] = [];
    const places = new Map<unknown, { index: number; start: number }>();
    const count = props.items.length;
    let rows: readonly { index: number; start: number }[] = virtualizer.getVirtualItems();
    if (props.follow && atEnd && count && (rows.at(-1)?.index ?? -1) < count - 1) rows = endRows(count);
    for (const row of rows) {
      const item = props.items[row.index];
      if (item === undefined) continue;
      const id = props.identity(item);
      ids.push(id);
      places.set(id, { index: row.index, start: row.start });
    }
    return { ids, places };
  });
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
        <For each={slots().ids}>
          {(id) => {
            // Rendered once per identity on screen: scrolling, or a stream that appends rows while
            // following the end, moves the rows that stay and renders only those that come in.
            let last!: { index: number; start: number };
            const place = () => (last = slots().places.get(id) ?? last);
            // Until `slots` drops it, a row whose item moved away keeps showing its last one.
            let item!: T;
            const shown = createMemo(() => {
              const current = props.items[place().index];
              if (current !== undefined && props.identity(current) === id) item = current;
              return item;
            });
            return (
              <div class="virtual-row" style={{ transform: `translateY(${place().start}px)`, height: `${ROW_HEIGHT}px` }}>
                {untrack(() => props.children(shown))}
              </div>
            );
          }}
        </For>
      </div>
    </div>
  );
}
