/*
 * Waterfall view: every fetch as a bar on one time axis, under the action (or burst of one cause)
 * that started it, with a ruler. Ctrl/⌘+wheel or +/− zooms around the pointer (the keys around the
 * middle), Shift+wheel, a drag or ←/→ pans, 0 fits everything; the axis follows new events while
 * its end is in view. Rows are virtualized (VirtualList) and each draws only what overlaps the
 * window. Hover shows exact times and cause; a click or Enter on a fetch selects its entry.
 */
import { For, Show, createMemo, createSignal, onCleanup, type JSX } from "solid-js";
import { EmptyCover } from "../EmptyCover.tsx";
import { formatClock, formatMs, inlinePreview } from "../format.ts";
import type { PanelStore } from "../store.ts";
import { needleOf } from "../timeline/timeline-rows.ts";
import { Resizer } from "../Resizer.tsx";
import { REDRAW_MS, throttled } from "../throttled.ts";
import { VirtualList, type VirtualListHandle } from "../VirtualList.tsx";
import { pan, percentAt, rulerTicks, timeWindow, zoomAround, type Zoom } from "./time-window.ts";
import { buildWaterfall, causeOf, tickText, type WaterfallRow } from "./waterfall-rows.ts";
import { WaterfallLine, type Hover, type LineContext } from "./WaterfallLine.tsx";

export interface WaterfallViewProps {
  store: PanelStore;
  /** The filter text, shared with the timeline. */
  text: string;
  onText: (text: string) => void;
  onSelectKey: (key: string) => void;
  now: () => number;
  /** The label column's width in pixels, and where a drag of its edge reports a new one. */
  labelWidth: number;
  onLabelWidth: (width: number) => void;
}

/** Where layout reports no width (a hidden panel, a test DOM). */
const FALLBACK_TRACK_PX = 800;
/** The ruler's labels need about this much room each. */
const TICK_PX = 90;
const ZOOM_STEP = 2;
const PAN_STEP = 0.2;
/** Pointer travel before a press becomes a drag (and stops being a click). */
const DRAG_PX = 3;
const MIN_LABEL_PX = 80;
const LABEL_STEP_PX = 20;

export function WaterfallView(props: WaterfallViewProps): JSX.Element {
  const log = throttled(() => props.store.log(), REDRAW_MS);
  const model = createMemo(() => buildWaterfall(log(), needleOf(props.text)));
  const origin = () => log()[0]?.time ?? 0;
  /** In-flight bars grow with the clock while the page is live. */
  const extent = createMemo(() => {
    const { extent: data, pending } = model();
    if (!data) return { start: origin(), end: origin() };
    const live = pending && !props.store.state.readOnly && !props.store.state.paused;
    return live ? { start: data.start, end: Math.max(data.end, props.now()) } : data;
  });
  const [zoom, setZoom] = createSignal<Zoom>({});
  const view = createMemo(() => timeWindow(extent(), zoom()));
  const [trackPx, setTrackPx] = createSignal(FALLBACK_TRACK_PX);
  const ticks = createMemo(() => rulerTicks(view(), origin(), Math.max(2, Math.floor(trackPx() / TICK_PX))));
  const [active, setActive] = createSignal(-1);
  const [hover, setHover] = createSignal<Hover>();
  let ruler!: HTMLDivElement;
  let labelHead!: HTMLSpanElement;
  let list: VirtualListHandle | undefined;

  /** The ruler's width says how many ticks fit. */
  const observeRuler = (element: HTMLDivElement) => {
    ruler = element;
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(() => setTrackPx(element.getBoundingClientRect().width || FALLBACK_TRACK_PX));
    observer.observe(element);
    onCleanup(() => observer.disconnect());
  };

  const timeAt = (clientX: number) => {
    const rect = ruler.getBoundingClientRect();
    const x = rect.width ? (clientX - rect.left) / rect.width : 0.5;
    return view().start + x * view().span;
  };
  const zoomBy = (factor: number, anchor = view().start + view().span / 2) => setZoom(zoomAround(extent(), zoom(), factor, anchor));
  const panBy = (share: number) => setZoom(pan(extent(), zoom(), share * view().span));

  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      zoomBy(Math.exp(event.deltaY * 0.002), timeAt(event.clientX));
    } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      event.preventDefault();
      panBy((event.deltaX || event.deltaY) / trackPx());
    }
  };

  // A press on the track drags the axis; the click that ends a drag selects nothing.
  let drag: { x: number; zoom: Zoom; moved: boolean } | undefined;
  let dragged = false;
  const onPointerDown = (event: PointerEvent) => {
    dragged = false;
    if (event.button !== 0 || !(event.target as Element).closest(".wf-track, .wf-ruler")) return;
    drag = { x: event.clientX, zoom: zoom(), moved: false };
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!drag || !(event.buttons & 1)) return (drag = undefined);
    const dx = event.clientX - drag.x;
    if (!drag.moved && Math.abs(dx) < DRAG_PX) return;
    if (!drag.moved) (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    drag.moved = dragged = true;
    setHover(undefined);
    setZoom(pan(extent(), drag.zoom, (-dx / trackPx()) * timeWindow(extent(), drag.zoom).span));
  };

  const rows = () => model().rows;
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rows().length - 1));
    setActive(next);
    list?.scrollToIndex(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active() + 1),
      ArrowUp: () => moveTo(active() < 0 ? 0 : active() - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows().length - 1),
      ArrowLeft: () => panBy(-PAN_STEP),
      ArrowRight: () => panBy(PAN_STEP),
      "+": () => zoomBy(1 / ZOOM_STEP),
      "=": () => zoomBy(1 / ZOOM_STEP),
      "-": () => zoomBy(ZOOM_STEP),
      "0": () => setZoom({}),
      Enter: () => {
        const row = rows()[active()];
        if (row?.type === "fetch") props.onSelectKey(row.key);
      },
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  };

  const ctx: LineContext = { view, end: () => extent().end, onHover: setHover, onSelectKey: (key) => dragged || props.onSelectKey(key) };
  const activeRow = () => rows()[active()];

  return (
    <div class="waterfall" style={{ "--wf-label": `${props.labelWidth}px`, "--wf-grid": gridOf(ticks().map((tick) => percentAt(view(), tick.time))) }}>
      <div class="subbar">
        <input class="filter" type="search" data-setting="waterfall-filter" placeholder="Filter by key, query or action" value={props.text} onInput={(e) => props.onText(e.currentTarget.value)} />
        <button data-action="zoom-out" title="zoom out (−)" onClick={() => zoomBy(ZOOM_STEP)}>
          −
        </button>
        <button data-action="zoom-in" title="zoom in (+)" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          +
        </button>
        <button data-action="zoom-fit" title="show everything, following new events (0)" onClick={() => setZoom({})}>
          Fit
        </button>
        <span class="muted wide-only">Ctrl+wheel zooms · Shift+wheel or drag pans</span>
        <span class="spacer" />
        <span class="muted" data-window-span={view().span}>
          {formatMs(view().span)} shown
        </span>
      </div>
      <EmptyCover empty={!rows().length} message={log().length ? "No fetches match the filter." : "No events yet."}>
        <div class="wf-body" onWheel={onWheel} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={() => (drag = undefined)}>
          <div class="wf-head">
            <span class="wf-label" ref={labelHead}>
              query / action
              <Resizer
                name="waterfall-labels"
                orientation="vertical"
                class="wf-resizer"
                onMove={(event) => props.onLabelWidth(Math.max(MIN_LABEL_PX, Math.round(event.clientX - labelHead.getBoundingClientRect().left)))}
                onStep={(direction) => props.onLabelWidth(Math.max(MIN_LABEL_PX, props.labelWidth + direction * LABEL_STEP_PX))}
              />
            </span>
            <div class="wf-ruler" ref={observeRuler}>
              <For each={ticks()}>
                {(tick) => (
                  <span class="wf-ruler-tick" style={{ left: `${percentAt(view(), tick.time)}%` }}>
                    {tick.label}
                  </span>
                )}
              </For>
            </div>
          </div>
          <VirtualList items={rows()} identity={(row: WaterfallRow) => row.id} label="waterfall" class="wf-rows" follow onKeyDown={onKeyDown} ref={(handle) => (list = handle)}>
            {(row) => <WaterfallLine row={row()} active={row() === activeRow()} ctx={ctx} />}
          </VirtualList>
        </div>
      </EmptyCover>
      <Show when={hover()}>{(shown) => <Tooltip hover={shown()} origin={origin()} end={extent().end} />}</Show>
    </div>
  );
}

/** The ruler's grid across the rows: one line per tick, as a background of the tracks. */
function gridOf(percents: readonly number[]): string {
  return percents.map((p) => `linear-gradient(to right, transparent calc(${p}% - 0.5px), var(--grid) calc(${p}% - 0.5px), var(--grid) calc(${p}% + 0.5px), transparent calc(${p}% + 0.5px))`).join(", ") || "none";
}

const seconds = (time: number, origin: number) => `+${((time - origin) / 1000).toFixed(3)} s`;

function Tooltip(props: { hover: Hover; origin: number; end: number }): JSX.Element {
  const lines = () => {
    const { row, tick } = props.hover;
    if (tick) return [tick.kind, tickText(tick), `at ${seconds(tick.time, props.origin)} (${formatClock(tick.time)})`];
    const span = `${seconds(row.start, props.origin)} → ${row.end === undefined ? "in flight" : seconds(row.end, props.origin)} · ${formatMs((row.end ?? props.end) - row.start)}`;
    if (row.type === "fetch") return [row.key, `${row.outcome} · ${causeOf(row)}`, span, ...(row.error ? [inlinePreview(row.error, 120)] : [])];
    if (row.type === "group") return [row.label, `${row.outcome} · ${row.fetches} fetches`, span];
    return [row.label, span];
  };
  return (
    <div class="wf-tooltip" role="tooltip" style={{ left: `${props.hover.x + 12}px`, top: `${props.hover.y + 12}px` }}>
      <For each={lines()}>{(line) => <div>{line}</div>}</For>
    </div>
  );
}
