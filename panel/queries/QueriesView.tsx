/*
 * Queries view: every cache entry grouped by query, with status, age, observers and fetches, and
 * the three revalidate scopes (instance, query, all). Selecting a row opens its details.
 */
import { For, Show, createMemo, createSignal, type JSX } from "solid-js";
import type { Entry } from "../../bridge/protocol.ts";
import { formatAge, formatMs, inlinePreview } from "../format.ts";
import type { PanelStore } from "../store.ts";
import { EntryDetails } from "./EntryDetails.tsx";
import { groupEntries } from "./group-entries.ts";

export function QueriesView(props: { store: PanelStore; now: () => number; selected?: string; onSelect: (key: string) => void }): JSX.Element {
  const [filter, setFilter] = createSignal("");
  const groups = createMemo(() => groupEntries(Object.values(props.store.state.entries), filter()));
  const selectedEntry = () => (props.selected ? props.store.state.entries[props.selected] : undefined);
  return (
    <div class="split">
      <div class="list">
        <div class="subbar">
          <input class="filter" type="search" placeholder="Filter keys" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
          <span class="muted">{Object.keys(props.store.state.entries).length} entries</span>
        </div>
        <Show when={groups().length} fallback={<p class="empty">No query entries{filter() ? " match the filter" : " yet: the page has not called a query"}.</p>}>
          <For each={groups()}>
            {(group) => (
              <section class="group" data-query-name={group.name}>
                <div class="group-header">
                  <span class="group-name">{group.name}</span>
                  <span class="muted">
                    {group.entries.length} {group.entries.length === 1 ? "instance" : "instances"} · {group.observers} observers
                  </span>
                  <button
                    data-action="revalidate"
                    data-scope="query"
                    title={`revalidate("${group.name}"): every instance of this query`}
                    onClick={() => props.store.revalidate([group.name])}
                  >
                    ↻ query
                  </button>
                </div>
                <For each={group.entries}>
                  {(entry) => (
                    <EntryRow entry={entry} now={props.now} selected={entry.key === props.selected} onSelect={() => props.onSelect(entry.key)} store={props.store} />
                  )}
                </For>
              </section>
            )}
          </For>
        </Show>
      </div>
      <Show when={selectedEntry()}>{(entry) => <EntryDetails entry={entry()} store={props.store} />}</Show>
    </div>
  );
}

function EntryRow(props: { entry: Entry; now: () => number; selected: boolean; onSelect: () => void; store: PanelStore }): JSX.Element {
  const age = () => (props.entry.updatedAt ? formatAge(props.now() - props.entry.updatedAt) : "stale");
  return (
    <div
      class="row"
      classList={{ selected: props.selected, inactive: props.entry.observers === 0 }}
      data-query-key={props.entry.key}
      data-status={props.entry.status}
      onClick={props.onSelect}
      title={props.entry.key}
    >
      <span class={`badge status-${props.entry.status}`}>{props.entry.status}</span>
      <span class="args">{inlinePreview(props.entry.args)}</span>
      <span class="cell" title="observers: active subscribers (the router's own count)">{props.entry.observers} obs</span>
      <span class="cell" title="fetches">{props.entry.fetches} ⇣</span>
      <span class="cell wide-only" title="last fetch duration">{props.entry.lastFetchMs === undefined ? "" : formatMs(props.entry.lastFetchMs)}</span>
      <span class="cell age" title="since last update">{age()}</span>
      <button
        data-action="revalidate"
        data-scope="instance"
        title={`revalidate(${JSON.stringify(props.entry.key)})`}
        onClick={(e) => {
          e.stopPropagation();
          props.store.revalidate([props.entry.key]);
        }}
      >
        ↻
      </button>
    </div>
  );
}
