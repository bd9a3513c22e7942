/*
 * Timeline view: the event log in order with times relative to the first event, each fetch as
 * one row with its cause and outcome, each action as a group holding the revalidation and the
 * refetches it caused. Filter by key or query and by kind; pause, clear, preserve log. A stream of
 * events redraws it at most ten times a second (../throttled.ts).
 */
import { For, Match, Show, Switch, createMemo, type JSX } from "solid-js";
import type { DevtoolsEvent, RevalidateCause } from "../../bridge/protocol.ts";
import { EmptyCover } from "../EmptyCover.tsx";
import { formatClock, formatMs, inlinePreview } from "../format.ts";
import { SourceLink } from "../sources/SourceLink.tsx";
import { setting, type Settings } from "../settings/settings.ts";
import type { Marker, PanelStore } from "../store.ts";
import { REDRAW_MS, throttled } from "../throttled.ts";
import { VirtualList } from "../VirtualList.tsx";
import type { ActionRow, EventRow, FetchRow } from "./build-timeline.ts";
import { KIND_FILTERS, displayIdentity, keyMatches, needleOf, timelineRows, type KindFilter } from "./timeline-rows.ts";

export interface TimelineViewProps {
  store: PanelStore;
  text: string;
  onText: (text: string) => void;
  onSelectKey: (key: string) => void;
  /** Where the kinds shown are remembered. */
  settings: Settings;
}

export function TimelineView(props: TimelineViewProps): JSX.Element {
  const [kindList, setKindList] = setting(props.settings, "timeline", "kinds");
  const kinds = createMemo<ReadonlySet<KindFilter>>(() => new Set(kindList()));
  const setKinds = (next: ReadonlySet<KindFilter>) => setKindList(KIND_FILTERS.filter((kind) => next.has(kind)));
  const log = throttled(() => props.store.log(), REDRAW_MS);
  const rows = createMemo(() => timelineRows(log(), { text: props.text, kinds: kinds() }));
  const origin = () => log()[0]?.time ?? 0;
  const toggle = (kind: KindFilter) => {
    const next = new Set(kinds());
    if (!next.delete(kind)) next.add(kind);
    setKinds(next);
  };
  const ctx = { origin, needle: () => needleOf(props.text), onSelectKey: (key: string) => props.onSelectKey(key), store: props.store };
  return (
    <div class="timeline">
      <div class="subbar">
        <input class="filter" type="search" data-setting="timeline-filter" placeholder="Filter by key, query or action" value={props.text} onInput={(e) => props.onText(e.currentTarget.value)} />
        <For each={KIND_FILTERS}>
          {(kind) => (
            <button class="chip" data-kind-filter={kind} aria-pressed={kinds().has(kind)} onClick={() => toggle(kind)}>
              {kind}
            </button>
          )}
        </For>
        <label>
          <input type="checkbox" data-setting="pause" checked={props.store.state.paused} onChange={(e) => props.store.setPaused(e.currentTarget.checked)} /> pause
        </label>
        <label>
          <input type="checkbox" data-setting="preserve-log" checked={props.store.state.preserveLog} onChange={(e) => props.store.setPreserveLog(e.currentTarget.checked)} /> preserve log
        </label>
        <button data-action="clear-log" disabled={props.store.state.readOnly} onClick={() => props.store.clearLog()}>
          Clear
        </button>
        <Show when={props.store.state.dropped}>
          <span class="warning" data-dropped={props.store.state.dropped} title="events that fell out of the page's history before the panel got them">
            {props.store.state.dropped} events dropped
          </span>
        </Show>
      </div>
      <EmptyCover empty={!rows().length} message={log().length ? "No events match the filter." : "No events yet."}>
        <VirtualList items={rows()} identity={displayIdentity} label="timeline" class="events" follow>
          {(display) => (
            <Switch>
              <Match when={display().type === "action"}>
                <ActionHeader row={(display() as { row: ActionRow }).row} ctx={ctx} />
              </Match>
              <Match when={display().type === "summary"}>
                <ActionSummary row={(display() as { row: ActionRow }).row} ctx={ctx} />
              </Match>
              <Match when={display().type === "child" || display().type === "line"}>
                <Line row={(display() as { row: FetchRow | EventRow }).row} ctx={ctx} parent={display().type === "child" ? (display() as { actionId: number }).actionId : undefined} />
              </Match>
            </Switch>
          )}
        </VirtualList>
      </EmptyCover>
    </div>
  );
}

interface Ctx {
  /** For source links (panel/sources/). */
  store: PanelStore;
  origin: () => number;
  /** The filter text, as rows are matched against it. */
  needle: () => string;
  onSelectKey: (key: string) => void;
}

const outcomeOf = (row: ActionRow) => (row.settle ? (row.settle.ok ? "ok" : "error") : "pending");

function ActionHeader(props: { row: ActionRow; ctx: Ctx }): JSX.Element {
  return (
    <div class="line action-line" data-kind="action" data-action-id={props.row.start.id} data-action-name={props.row.start.name} data-outcome={outcomeOf(props.row)}>
      <Time time={props.row.time} ctx={props.ctx} />
      <span class={`badge outcome-${outcomeOf(props.row)}`}>action</span>
      <strong>{props.row.start.name}</strong>
      <span class="muted">
        #{props.row.start.id} {inlinePreview(props.row.start.input, 60)}
      </span>
      <Show when={props.row.settle}>{(settle) => <span class="cell">{formatMs(settle().ms)}</span>}</Show>
      <span class="action-sources muted" data-action-sources>
        defined at <SourceLink site={props.row.start.definedAt} store={props.ctx.store} />
        <Show when={props.row.start.submittedAt !== undefined}>
          {" "}· submitted from <span data-submitted-at><SourceLink site={props.row.start.submittedAt} store={props.ctx.store} /></span>
        </Show>
      </span>
      <Show when={props.row.settle?.ok && props.row.settle.result}>{(result) => <span class="muted">→ {inlinePreview(result(), 50)}</span>}</Show>
      <Show when={props.row.settle?.error}>{(error) => <span class="error-text">{inlinePreview(error())}</span>}</Show>
    </div>
  );
}

function ActionSummary(props: { row: ActionRow; ctx: Ctx }): JSX.Element {
  const text = () => {
    const response = props.row.response;
    const flight = response?.singleFlight.length ? ` · single-flight: ${response.singleFlight.join(", ")}` : "";
    if (!response) return props.row.settle ? "revalidates nothing (failed before a response)" : "waiting for the response…";
    if (response.revalidate === null) return `revalidates all active queries (default)${flight}`;
    if (!response.revalidate.length) return `revalidates nothing (empty X-Revalidate)${flight}`;
    return `revalidates ${response.revalidate.join(", ")} (X-Revalidate)${flight}`;
  };
  return (
    <div class="line child action-summary muted" data-summary-of={props.row.start.id}>
      <span data-summary-text>{text()}</span>
      <Show when={props.row.response?.at !== undefined}>
        {" "}· by <SourceLink site={props.row.response?.at} store={props.ctx.store} />
      </Show>
    </div>
  );
}

function Line(props: { row: FetchRow | EventRow; ctx: Ctx; parent?: number }): JSX.Element {
  return (
    <Show when={props.row.type === "fetch"} fallback={<EventLine row={props.row as EventRow} ctx={props.ctx} parent={props.parent} />}>
      <FetchLine row={props.row as FetchRow} ctx={props.ctx} parent={props.parent} />
    </Show>
  );
}

function FetchLine(props: { row: FetchRow; ctx: Ctx; parent?: number }): JSX.Element {
  const settle = () => props.row.settle;
  const outcome = () => (settle() ? (settle()!.ok ? "ok" : "error") : "pending");
  const cause = () => props.row.start.cause + (props.row.start.revalidation ? ` · ${causeText(props.row.start.revalidation)}` : "");
  return (
    <div class="line" classList={{ child: props.parent !== undefined }} data-kind="fetch" data-parent-action={props.parent} data-key={props.row.start.key} data-cause={props.row.start.cause}>
      <Time time={props.row.time} ctx={props.ctx} />
      <span class={`badge outcome-${outcome()}`}>fetch</span>
      <KeyLink key={props.row.start.key} ctx={props.ctx} />
      <span class="muted">{cause()}</span>
      <Show when={props.row.start.revalidation?.at ?? props.row.start.at}>
        {(at) => (
          <span class="muted" data-trigger>
            at <SourceLink site={at()} store={props.ctx.store} />
          </span>
        )}
      </Show>
      <span class="cell">{settle() ? formatMs(settle()!.ms) : "…"}</span>
      <Show when={settle()?.stored}>
        <span class="muted">value stored</span>
      </Show>
      <Show when={settle()?.error}>{(error) => <span class="error-text">{inlinePreview(error())}</span>}</Show>
    </div>
  );
}

function EventLine(props: { row: EventRow; ctx: Ctx; parent?: number }): JSX.Element {
  const event = () => props.row.event;
  return (
    <div class="line" classList={{ child: props.parent !== undefined, marker: event().kind === "marker" }} data-kind={event().kind} data-parent-action={props.parent}>
      <Time time={props.row.time} ctx={props.ctx} />
      <span class={`badge kind-${event().kind}`}>{event().kind}</span>
      <Show when={"key" in event()}>
        <KeyLink key={(event() as { key: string }).key} ctx={props.ctx} />
      </Show>
      <Show when={event().kind === "invalidated" && (event() as { keys: string[] }).keys}>{(keys) => <KeyList keys={keys()} ctx={props.ctx} />}</Show>
      <span class="muted">
        {describe(event())}
        {props.row.awaited ? ", its promise's value stored" : ""}
      </span>
      <Show when={triggerOf(event())}>
        {(at) => (
          <span class="muted" data-trigger>
            at <SourceLink site={at()} store={props.ctx.store} />
          </span>
        )}
      </Show>
    </div>
  );
}

/** The app's call that made an event, when known: a `revalidate(…)`, `query.set(…)` or `query.delete(…)`. */
function triggerOf(event: DevtoolsEvent | Marker): number | undefined {
  if (event.kind === "revalidate") return event.cause.at;
  return event.kind === "value-set" || event.kind === "entry-removed" ? event.at : undefined;
}

function describe(event: DevtoolsEvent | Marker): string {
  switch (event.kind) {
    case "marker":
      return event.text;
    case "revalidate": {
      const asked = event.requested === null ? "all keys" : event.requested.join(", ");
      const reused = event.reused?.length ?? 0;
      const refetch = event.active.length ? `refetching ${event.active.length}` : reused ? "refetches nothing" : "refetches nothing: no active observers";
      return `${asked}${event.force ? "" : " (no force)"} · ${causeText(event.cause)} · matched ${event.matched.length}, ${refetch}${reused ? ` · ${reusedText(event.cause, reused)}` : ""}`;
    }
    case "value-set":
      return VALUE_SET_TEXT[event.via];
    case "simulation":
      return SIMULATION_TEXT[event.state];
    case "observers":
      return `${event.count} observers`;
    case "entry-removed":
      return `removed (${event.reason})`;
    case "entry-created":
      // The router's intent is undefined outside navigation and preload (e.g. createAsync in a component).
      return `query ${event.query}${event.intent === "undefined" ? "" : `, intent ${event.intent}`}`;
    case "invalidated":
      return event.keys.length === 1 ? "marked stale" : `${event.keys.length} entries marked stale`;
    case "fetch-settle":
      return `${event.ok ? "ok" : "error"} in ${formatMs(event.ms)}${event.stored ? ", value stored" : ""}`;
    case "action-settle":
      return `action #${event.id} ${event.ok ? "ok" : "failed"}`;
    case "action-response":
      return `action #${event.id} response`;
    default:
      return "";
  }
}

const VALUE_SET_TEXT: Record<Extract<DevtoolsEvent, { kind: "value-set" }>["via"], string> = {
  fetch: "value stored",
  set: "value set by query.set (single-flight)",
  devtools: "value set by devtools (query.set)",
  awaited: "value of query.set's promise stored",
};

const SIMULATION_TEXT: Record<Extract<DevtoolsEvent, { kind: "simulation" }>["state"], string> = {
  pending: "simulated loading by devtools: its readers suspend",
  error: "simulated error by devtools: its readers fail",
  restored: "restored by devtools: its own value back",
  ended: "simulation ended: the router fetched it anew",
};

/** Active entries a revalidation re-read without fetching: in an action, the single-flight values of its response. */
function reusedText(cause: RevalidateCause, count: number): string {
  const which = count === 1 ? "" : `${count} `;
  if (cause.kind === "action") return `${which}revalidated by single-flight: value from the action's response`;
  return `${which}re-read ${cause.kind === "devtools" ? "the value devtools set" : "a fresh cached value"}, no fetch`;
}

function causeText(cause: RevalidateCause): string {
  return cause.kind === "action" ? `by action #${cause.actionId}` : cause.kind === "devtools" ? "from devtools" : "by the app";
}

/** Keys shown as links in a line about many; the rest are counted and listed in its tooltip. */
const SHOWN_KEYS = 3;
const TOOLTIP_KEYS = 50;

/** A many-key line's first keys, those the filter matches first (they are why the line is shown). */
function KeyList(props: { keys: readonly string[]; ctx: Ctx }): JSX.Element {
  const ordered = createMemo(() => {
    const needle = props.ctx.needle();
    return needle ? [...props.keys.filter((key) => keyMatches(key, needle)), ...props.keys.filter((key) => !keyMatches(key, needle))] : props.keys;
  });
  const rest = createMemo(() => ordered().slice(SHOWN_KEYS));
  const tooltip = () => rest().slice(0, TOOLTIP_KEYS).join("\n") + (rest().length > TOOLTIP_KEYS ? `\n… ${rest().length - TOOLTIP_KEYS} more` : "");
  return (
    <>
      <For each={ordered().slice(0, SHOWN_KEYS)}>{(key) => <KeyLink key={key} ctx={props.ctx} />}</For>
      <Show when={rest().length}>
        <span class="muted" data-more-keys={rest().length} title={tooltip()}>
          +{rest().length} more
        </span>
      </Show>
    </>
  );
}

function KeyLink(props: { key: string; ctx: Ctx }): JSX.Element {
  return (
    <button class="key-link" title="show in queries" onClick={() => props.ctx.onSelectKey(props.key)}>
      {props.key}
    </button>
  );
}

function Time(props: { time: number; ctx: Ctx }): JSX.Element {
  const relative = () => (props.time - props.ctx.origin()) / 1000;
  return (
    <time class="time" title={formatClock(props.time)}>
      +{relative().toFixed(3)}s
    </time>
  );
}
