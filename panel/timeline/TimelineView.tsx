/*
 * Timeline view: the event log in order, each fetch as one row with its cause and outcome, and
 * each action as a group holding the revalidation and refetches it caused.
 */
import { For, Match, Show, Switch, createMemo, createSignal, type JSX } from "solid-js";
import type { DevtoolsEvent, RevalidateCause } from "../../bridge/protocol.ts";
import { formatClock, formatMs, inlinePreview } from "../format.ts";
import type { Marker, PanelStore } from "../store.ts";
import { buildTimeline, type ActionRow, type EventRow, type FetchRow } from "./build-timeline.ts";

export function TimelineView(props: { store: PanelStore; onSelectKey: (key: string) => void }): JSX.Element {
  const [showObservers, setShowObservers] = createSignal(false);
  const rows = createMemo(() =>
    buildTimeline(showObservers() ? props.store.state.log : props.store.state.log.filter((item) => item.kind !== "observers")),
  );
  return (
    <div class="timeline">
      <div class="subbar">
        <label>
          <input type="checkbox" checked={props.store.state.paused} onChange={(e) => props.store.setPaused(e.currentTarget.checked)} /> pause
        </label>
        <label>
          <input type="checkbox" checked={props.store.state.preserveLog} onChange={(e) => props.store.setPreserveLog(e.currentTarget.checked)} /> preserve log
        </label>
        <label>
          <input type="checkbox" checked={showObservers()} onChange={(e) => setShowObservers(e.currentTarget.checked)} /> observer changes
        </label>
        <button data-action="clear-log" onClick={() => props.store.clearLog()}>
          Clear
        </button>
        <Show when={props.store.state.dropped}>
          <span class="warning" title="older events fell out of the page's ring buffer">{props.store.state.dropped} events dropped</span>
        </Show>
      </div>
      <Show when={rows().length} fallback={<p class="empty">No events yet.</p>}>
        <ol class="events">
          <For each={rows()}>
            {(row) => (
              <Switch>
                <Match when={row.type === "action"}>
                  <ActionGroup row={row as ActionRow} onSelectKey={props.onSelectKey} />
                </Match>
                <Match when={row.type === "fetch"}>
                  <FetchLine row={row as FetchRow} onSelectKey={props.onSelectKey} />
                </Match>
                <Match when={row.type === "event"}>
                  <EventLine row={row as EventRow} onSelectKey={props.onSelectKey} />
                </Match>
              </Switch>
            )}
          </For>
        </ol>
      </Show>
    </div>
  );
}

function ActionGroup(props: { row: ActionRow; onSelectKey: (key: string) => void }): JSX.Element {
  const outcome = () => (props.row.settle ? (props.row.settle.ok ? "ok" : "error") : "pending");
  const revalidates = () => {
    const response = props.row.response;
    if (!response) return props.row.settle ? "revalidates nothing (failed before a response)" : "";
    if (response.revalidate === null) return "revalidates all active queries (default)";
    if (!response.revalidate.length) return "revalidates nothing (empty X-Revalidate)";
    return `revalidates ${response.revalidate.join(", ")} (X-Revalidate)`;
  };
  return (
    <li class="action-group" data-kind="action" data-action-name={props.row.start.name} data-outcome={outcome()}>
      <div class="line action-line">
        <Time time={props.row.time} />
        <span class={`badge outcome-${outcome()}`}>action</span>
        <strong>{props.row.start.name}</strong>
        <span class="muted">#{props.row.start.id} {inlinePreview(props.row.start.input, 60)}</span>
        <Show when={props.row.settle}>{(settle) => <span class="cell">{formatMs(settle().ms)}</span>}</Show>
      </div>
      <div class="action-summary muted">
        {revalidates()}
        <Show when={props.row.response?.singleFlight.length}> · single-flight: {props.row.response?.singleFlight.join(", ")}</Show>
        <Show when={props.row.settle?.error}>{(error) => <span class="error-text"> · {inlinePreview(error())}</span>}</Show>
      </div>
      <Show when={props.row.children.length}>
        <ol class="children">
          <For each={props.row.children}>
            {(child) =>
              child.type === "fetch" ? <FetchLine row={child} onSelectKey={props.onSelectKey} /> : <EventLine row={child} onSelectKey={props.onSelectKey} />
            }
          </For>
        </ol>
      </Show>
    </li>
  );
}

function FetchLine(props: { row: FetchRow; onSelectKey: (key: string) => void }): JSX.Element {
  const settle = () => props.row.settle;
  const cause = () => props.row.start.cause + (props.row.start.revalidation ? ` · ${causeText(props.row.start.revalidation)}` : "");
  return (
    <li class="line" data-kind="fetch" data-key={props.row.start.key} data-cause={props.row.start.cause}>
      <Time time={props.row.time} />
      <span class={`badge outcome-${settle() ? (settle()!.ok ? "ok" : "error") : "pending"}`}>fetch</span>
      <KeyLink key={props.row.start.key} onSelectKey={props.onSelectKey} />
      <span class="muted">{cause()}</span>
      <span class="cell">{settle() ? formatMs(settle()!.ms) : "…"}</span>
      <Show when={settle()?.error}>{(error) => <span class="error-text">{inlinePreview(error())}</span>}</Show>
    </li>
  );
}

function EventLine(props: { row: EventRow; onSelectKey: (key: string) => void }): JSX.Element {
  const event = () => props.row.event;
  return (
    <li class="line" data-kind={event().kind}>
      <Time time={props.row.time} />
      <span class={`badge kind-${event().kind}`}>{event().kind}</span>
      <Show when={"key" in event()}>
        <KeyLink key={(event() as { key: string }).key} onSelectKey={props.onSelectKey} />
      </Show>
      <span class="muted">{describe(event())}</span>
    </li>
  );
}

function describe(event: DevtoolsEvent | Marker): string {
  switch (event.kind) {
    case "marker":
      return event.text;
    case "revalidate": {
      const asked = event.requested === null ? "all keys" : event.requested.join(", ");
      const refetch = event.active.length ? `refetching ${event.active.length}` : "refetches nothing: no active observers";
      return `${asked} · ${causeText(event.cause)} · matched ${event.matched.length}, ${refetch}`;
    }
    case "value-set":
      return event.via === "set" ? "value set by query.set (single-flight)" : "value stored";
    case "observers":
      return `${event.count} observers`;
    case "entry-removed":
      return `removed (${event.reason})`;
    case "entry-created":
      return `query ${event.query}, intent ${event.intent}`;
    case "fetch-settle":
      return `${event.ok ? "ok" : "error"} in ${formatMs(event.ms)}`;
    case "action-settle":
      return `action #${event.id} ${event.ok ? "ok" : "failed"}`;
    case "action-response":
      return `action #${event.id} response`;
    default:
      return "";
  }
}

function causeText(cause: RevalidateCause): string {
  return cause.kind === "action" ? `by action #${cause.actionId}` : cause.kind === "devtools" ? "from devtools" : "by the app";
}

function KeyLink(props: { key: string; onSelectKey: (key: string) => void }): JSX.Element {
  return (
    <button class="key-link" onClick={() => props.onSelectKey(props.key)}>
      {props.key}
    </button>
  );
}

function Time(props: { time: number }): JSX.Element {
  return <time class="time">{formatClock(props.time)}</time>;
}
