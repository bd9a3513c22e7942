/*
 * Queries view: every cache entry grouped by query, filterable by text and status and sortable,
 * in a virtual list driven by mouse or keyboard (arrows, Home/End, Enter for details, `r` to
 * revalidate, `/` to filter). Details of the selected entry open beside or below the list.
 */
import { For, Show, createEffect, createMemo, createSignal, onCleanup, onMount, type JSX } from "solid-js";
import type { Entry } from "../../bridge/protocol.ts";
import { EmptyCover } from "../EmptyCover.tsx";
import { formatAge, formatMs, inlinePreview } from "../format.ts";
import { Resizer } from "../Resizer.tsx";
import { setting, type Settings } from "../settings/settings.ts";
import type { PanelStore } from "../store.ts";
import { SourceLink } from "../sources/SourceLink.tsx";
import { VirtualList, type VirtualListHandle } from "../VirtualList.tsx";
import { EntryDetails } from "./EntryDetails.tsx";
import { ROW_STATUSES, queryRows, rowStatus, statusCounts, type EntryRow, type GroupRow, type QueryRow, type RowStatus, type SortKey } from "./query-rows.ts";

export interface QueriesViewProps {
  store: PanelStore;
  now: () => number;
  selected?: string;
  onSelect: (key: string | undefined) => void;
  onShowInTimeline: (key: string) => void;
  /** Where the filter, sort and details pane size are remembered. */
  settings: Settings;
}

/** The details pane's share of the view, in percent: it and the list each keep some room. */
const clampDetails = (percent: number) => Math.round(Math.max(15, Math.min(85, percent)));
const DETAILS_STEP = 5;

const rowId = (row: QueryRow) => (row.type === "group" ? `query:${row.name}` : row.entry.key);

export function QueriesView(props: QueriesViewProps): JSX.Element {
  const [text, setText] = setting(props.settings, "queries", "text");
  const [statusList, setStatusList] = setting(props.settings, "queries", "statuses");
  const statuses = createMemo<ReadonlySet<RowStatus>>(() => new Set(statusList()));
  const setStatuses = (next: ReadonlySet<RowStatus>) => setStatusList(ROW_STATUSES.filter((status) => next.has(status)));
  const [sort, setSort] = setting(props.settings, "queries", "sort");
  const [detailsSize, setDetailsSize] = setting(props.settings, "panes", "details");
  const [detailsOpen, setDetailsOpen] = createSignal(true);
  const entries = createMemo(() => [...props.store.entries().values()]);
  const counts = createMemo(() => statusCounts(entries()));
  const rows = createMemo(() => queryRows(entries(), { text: text(), statuses: statuses(), sort: sort() }));
  const selectedIndex = () => rows().findIndex((row) => rowId(row) === props.selected);
  const selectedEntry = () => (props.selected ? props.store.entries().get(props.selected) : undefined);
  const readOnly = () => props.store.state.readOnly;
  // The page sends values only for watched entries: the one whose details are open.
  createEffect(() => props.store.watch(detailsOpen() && selectedEntry() ? [props.selected!] : []));
  let filterInput!: HTMLInputElement;
  let split!: HTMLDivElement;
  /** Side by side, the details pane's share is the pointer's distance from the right edge; stacked, from the bottom. */
  const resizeDetails = (event: PointerEvent) => {
    const rect = split.getBoundingClientRect();
    const stacked = getComputedStyle(split).flexDirection === "column";
    const share = stacked ? (rect.bottom - event.clientY) / rect.height : (rect.right - event.clientX) / rect.width;
    if (Number.isFinite(share)) setDetailsSize(clampDetails(share * 100));
  };
  let list: VirtualListHandle | undefined;

  const toggleStatus = (status: RowStatus) => {
    const next = new Set(statuses());
    if (!next.delete(status)) next.add(status);
    setStatuses(next);
  };
  const select = (index: number) => {
    const row = rows()[Math.max(0, Math.min(index, rows().length - 1))];
    if (!row) return;
    props.onSelect(rowId(row));
    list?.scrollToIndex(rows().indexOf(row));
  };
  const revalidateRow = (row: QueryRow | undefined) => {
    if (row && !readOnly()) props.store.revalidate([row.type === "group" ? row.name : row.entry.key]);
  };

  function onListKey(event: KeyboardEvent) {
    const index = selectedIndex();
    const moves: Record<string, () => void> = {
      ArrowDown: () => select(index + 1),
      ArrowUp: () => select(index < 0 ? 0 : index - 1),
      Home: () => select(0),
      End: () => select(rows().length - 1),
      Enter: () => setDetailsOpen(true),
      Escape: () => setDetailsOpen(false),
      r: () => revalidateRow(rows()[index]),
    };
    const move = moves[event.key];
    if (!move || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    move();
  }

  // `/` focuses the filter from anywhere in the panel, as in DevTools' own panels. Heard on the
  // panel's root node: its document in the extension, its shadow root in the page's overlay, where
  // keys typed in the app never reach it.
  const onSlash = (event: Event) => {
    const target = event.target as HTMLElement | null;
    if (event instanceof KeyboardEvent && event.key === "/" && target?.tagName !== "INPUT") {
      event.preventDefault();
      filterInput.focus();
    }
  };
  onMount(() => {
    const root = filterInput.getRootNode();
    root.addEventListener("keydown", onSlash);
    onCleanup(() => root.removeEventListener("keydown", onSlash));
  });

  return (
    <div class="split" ref={split} style={{ "--details-size": `${detailsSize()}%` }}>
      <div class="list-pane">
        <div class="subbar">
          <input
            ref={filterInput}
            class="filter"
            type="search"
            placeholder="Filter keys ( / )"
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== "ArrowDown") return;
              e.preventDefault();
              select(0);
              list?.focus();
            }}
          />
          <For each={ROW_STATUSES}>
            {(status) => (
              <button
                class={`chip status-chip-${status}`}
                data-status-filter={status}
                aria-pressed={statuses().has(status)}
                title={`show only ${status} entries (toggle)`}
                onClick={() => toggleStatus(status)}
              >
                {status} {counts()[status]}
              </button>
            )}
          </For>
          <label class="muted">
            sort{" "}
            <select data-setting="sort" value={sort()} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
              <option value="name">name</option>
              <option value="updated">last update</option>
              <option value="fetches">fetch count</option>
            </select>
          </label>
        </div>
        <div class="summary muted" data-summary>
          {entries().length} entries in {rows().filter((r) => r.type === "group").length} queries
        </div>
        <EmptyCover empty={!rows().length} message={entries().length ? "No entries match the filter." : "No query entries yet: the page has not called a query."}>
          <VirtualList items={rows()} identity={rowId} label="query cache entries" ref={(handle) => (list = handle)} onKeyDown={onListKey} class="rows">
            {(row) => (
              <Show
                when={row().type === "group"}
                fallback={
                  <EntryLine
                    entry={(row() as EntryRow).entry}
                    now={props.now}
                    selected={rowId(row()) === props.selected}
                    onSelect={() => (props.onSelect(rowId(row())), setDetailsOpen(true))}
                    onRevalidate={() => revalidateRow(row())}
                    readOnly={readOnly()}
                  />
                }
              >
                <GroupLine
                  row={row() as GroupRow}
                  store={props.store}
                  selected={rowId(row()) === props.selected}
                  onSelect={() => props.onSelect(rowId(row()))}
                  onRevalidate={() => revalidateRow(row())}
                  readOnly={readOnly()}
                />
              </Show>
            )}
          </VirtualList>
        </EmptyCover>
      </div>
      <Show when={detailsOpen() && selectedEntry()}>
        <Resizer name="details" onMove={resizeDetails} onStep={(direction) => setDetailsSize(clampDetails(detailsSize() - direction * DETAILS_STEP))} />
      </Show>
      <Show when={detailsOpen() && selectedEntry()}>
        {(entry) => <EntryDetails entry={entry()} store={props.store} now={props.now} onShowInTimeline={props.onShowInTimeline} onClose={() => setDetailsOpen(false)} />}
      </Show>
    </div>
  );
}

function GroupLine(props: { row: Extract<QueryRow, { type: "group" }>; store: PanelStore; selected: boolean; onSelect: () => void; onRevalidate: () => void; readOnly: boolean }): JSX.Element {
  return (
    <div class="group-header" classList={{ selected: props.selected }} data-query-name={props.row.name} onClick={props.onSelect}>
      <span class="group-name">{props.row.name}</span>
      <span class="muted">
        {props.row.instances} {props.row.instances === 1 ? "instance" : "instances"} · {props.row.observers} observers
      </span>
      <span class="group-source" data-defined-at>
        <SourceLink site={props.row.definedAt} store={props.store} />
      </span>
      <button data-action="revalidate" data-scope="query" disabled={props.readOnly} title={`revalidate("${props.row.name}"): every instance of this query`} onClick={(e) => (e.stopPropagation(), props.onRevalidate())}>
        ↻ query
      </button>
    </div>
  );
}

function EntryLine(props: { entry: Entry; now: () => number; selected: boolean; onSelect: () => void; onRevalidate: () => void; readOnly: boolean }): JSX.Element {
  const status = () => rowStatus(props.entry);
  const age = () => (props.entry.updatedAt ? formatAge(props.now() - props.entry.updatedAt) : "stale");
  const gcIn = () => (props.entry.gcAt === undefined ? "" : `gc ${formatAge(Math.max(0, props.entry.gcAt - props.now()))}`);
  return (
    <div
      class="row"
      classList={{ selected: props.selected, inactive: props.entry.observers === 0 }}
      data-query-key={props.entry.key}
      data-query={props.entry.query}
      data-status={props.entry.status}
      onClick={props.onSelect}
      title={props.entry.key}
    >
      <span class={`badge status-${status()}`}>{status()}</span>
      <span class="args">
        {props.entry.args && inlinePreview(props.entry.args)}
        <Show when={props.entry.intent === "preload"}>
          <span class="tag">preload</span>
        </Show>
        <Show when={props.entry.hydrated}>
          <span class="tag">hydrated</span>
        </Show>
      </span>
      <span class="cell" title="observers: active subscribers (the router's own count)">{props.entry.observers} obs</span>
      <span class="cell" title="fetches">{props.entry.fetches} ⇣</span>
      <span class="cell wide-only" title="last fetch duration">{props.entry.lastFetchMs === undefined ? "" : formatMs(props.entry.lastFetchMs)}</span>
      <span class="cell wide-only" title="time until the router garbage-collects this unobserved entry">{gcIn()}</span>
      <span class="cell age" title="since last update">{age()}</span>
      <button data-action="revalidate" data-scope="instance" disabled={props.readOnly} title={`revalidate(${JSON.stringify(props.entry.key)})`} onClick={(e) => (e.stopPropagation(), props.onRevalidate())}>
        ↻
      </button>
    </div>
  );
}
