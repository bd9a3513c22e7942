/*
 * One waterfall row: its label, and on the shared time axis its bar (a fetch's start to settle, an
 * action's own span, a group's extent) and its ticks. Only what overlaps the visible window is
 * drawn, positioned in percent of the track, so a resize moves nothing through script.
 */
import { For, Show, createMemo, type JSX } from "solid-js";
import { overlaps, percentAt, type TimeWindow } from "./time-window.ts";
import { causeOf, type Tick, type WaterfallRow } from "./waterfall-rows.ts";

/** What the pointer is over, for the tooltip. */
export interface Hover {
  row: WaterfallRow;
  tick?: Tick;
  x: number;
  y: number;
}

export interface LineContext {
  view: () => TimeWindow;
  /** Where in-flight bars end: the axis's end. */
  end: () => number;
  onHover: (hover: Hover | undefined) => void;
  onSelectKey: (key: string) => void;
}

/** Far outside the track a bar is clipped anyway: this keeps its element a sane size. */
const clamp = (percent: number) => Math.max(-1, Math.min(101, percent));

export function WaterfallLine(props: { row: WaterfallRow; active: boolean; ctx: LineContext }): JSX.Element {
  const row = () => props.row;
  const end = () => row().end ?? props.ctx.end();
  const bar = createMemo(() => {
    const view = props.ctx.view();
    if (row().type === "ticks" || !overlaps(view, row().start, end())) return undefined;
    const left = clamp(percentAt(view, row().start));
    return { left, width: clamp(percentAt(view, end())) - left };
  });
  const ticks = createMemo(() => row().ticks.filter((tick) => overlaps(props.ctx.view(), tick.time, tick.time)));
  const hover = (event: PointerEvent, tick?: Tick) => props.ctx.onHover({ row: row(), tick, x: event.clientX, y: event.clientY });
  const select = () => {
    const current = row();
    if (current.type === "fetch") props.ctx.onSelectKey(current.key);
  };
  const fetch = () => (row().type === "fetch" ? (row() as Extract<WaterfallRow, { type: "fetch" }>) : undefined);
  const group = () => (row().type === "group" ? (row() as Extract<WaterfallRow, { type: "group" }>) : undefined);
  return (
    <div
      class={`wf-row wf-${row().type}`}
      classList={{ active: props.active, grouped: !!fetch()?.grouped }}
      data-wf-row={row().type}
      data-key={fetch()?.key}
      data-cause={fetch() && causeOf(fetch()!)}
      data-parent-action={fetch()?.grouped ? fetch()?.actionId : undefined}
      data-action-id={group()?.actionId}
      data-label={group()?.label}
      data-outcome={"outcome" in row() ? (row() as { outcome: string }).outcome : undefined}
      onClick={select}
    >
      <span class="wf-label" title={fetch()?.key ?? group()?.label}>
        {fetch()?.key ?? group()?.label ?? (row() as { label: string }).label}
      </span>
      <span class="wf-track">
        <Show when={bar()}>
          {(shown) => (
            <span
              class={`wf-bar outcome-${"outcome" in row() ? (row() as { outcome: string }).outcome : "ok"}`}
              data-wf-bar
              style={{ left: `${shown().left}%`, width: `${shown().width}%` }}
              onPointerMove={(event) => hover(event)}
              onPointerLeave={() => props.ctx.onHover(undefined)}
            />
          )}
        </Show>
        <For each={ticks()}>
          {(tick) => (
            <span
              class={`wf-tick tick-${tick.kind}`}
              data-wf-tick={tick.kind}
              style={{ left: `${percentAt(props.ctx.view(), tick.time)}%` }}
              onPointerMove={(event) => hover(event, tick)}
              onPointerLeave={() => props.ctx.onHover(undefined)}
            />
          )}
        </For>
      </span>
    </div>
  );
}
