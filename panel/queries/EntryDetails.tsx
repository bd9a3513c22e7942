/*
 * Details of one entry: facts, actions (revalidate, invalidate, delete, copy, simulate loading or
 * error and restore), args, error with stack, the value (expandable on demand from the page,
 * editable as JSON), what the latest writes changed in it and the key's fetch history.
 */
import { For, Show, createMemo, createSignal, onCleanup, type JSX } from "solid-js";
import type { Entry } from "../../bridge/protocol.ts";
import type { PathSegment, Preview } from "../../bridge/preview-schema.ts";
import { copyText } from "../clipboard.ts";
import { formatAge, formatClock, formatMs } from "../format.ts";
import { PreviewTree } from "../inspector/PreviewTree.tsx";
import { previewToJson } from "../inspector/preview-json.ts";
import { EntrySources } from "../sources/EntrySources.tsx";
import type { PanelStore } from "../store.ts";
import { fetchHistory } from "./fetch-history.ts";
import { ValueChanges } from "./ValueChanges.tsx";
import { ValueEditor } from "./ValueEditor.tsx";

export interface EntryDetailsProps {
  entry: Entry;
  store: PanelStore;
  now: () => number;
  onShowInTimeline: (key: string) => void;
  onClose: () => void;
}

export function EntryDetails(props: EntryDetailsProps): JSX.Element {
  const [copied, setCopied] = createSignal("");
  const key = () => props.entry.key;
  const history = createMemo(() => fetchHistory(props.store.log(), key()));
  const readOnly = () => props.store.state.readOnly;
  const copy = (what: string, text: string) => setCopied(copyText(text) ? `${what} copied` : "copy failed");
  const [refused, setRefused] = createSignal("");
  onCleanup(props.store.onEditAnswer((answer) => answer.kind === "refused" && answer.key === key() && answer.command !== "set-value" && setRefused(answer.reason)));
  const simulate = (state: "pending" | "error") => (setRefused(""), props.store.simulate(key(), state));
  const expand = (path: PathSegment[]) =>
    new Promise<Preview>((resolve) => {
      const wanted = key();
      const stop = props.store.onValue((message) => {
        if (message.key === wanted && JSON.stringify(message.path) === JSON.stringify(path)) {
          stop();
          resolve(message.preview);
        }
      });
      props.store.inspect(wanted, path);
    });

  return (
    <aside class="details" data-details-key={key()}>
      <div class="details-head">
        <h2 class="details-key">{key()}</h2>
        <button class="close" title="close details (Esc)" onClick={props.onClose}>
          ×
        </button>
      </div>
      <div class="details-actions">
        <button data-action="revalidate" data-scope="details" disabled={readOnly()} onClick={() => props.store.revalidate([key()])}>
          Revalidate
        </button>
        <button data-action="invalidate" disabled={readOnly()} title="mark stale without refetching" onClick={() => props.store.invalidate([key()])}>
          Invalidate
        </button>
        <button data-action="delete" disabled={readOnly()} onClick={() => props.store.remove([key()])}>
          Delete
        </button>
        <button data-action="copy-key" onClick={() => copy("key", key())}>
          Copy key
        </button>
        <button data-action="copy-value" disabled={!props.entry.value} onClick={() => props.entry.value && copy("value", JSON.stringify(previewToJson(props.entry.value), null, 2))}>
          Copy value
        </button>
        <button data-action="show-in-timeline" onClick={() => props.onShowInTimeline(key())}>
          In timeline
        </button>
        <span class="muted" aria-live="polite">{copied()}</span>
      </div>
      <div class="details-actions">
        <button data-action="simulate-pending" disabled={readOnly()} title="the readers suspend (Suspense fallback) until restored; nothing is fetched" onClick={() => simulate("pending")}>
          Simulate loading
        </button>
        <button data-action="simulate-error" disabled={readOnly()} title="the readers get an error (error boundary) until restored" onClick={() => simulate("error")}>
          Simulate error
        </button>
        <Show when={props.entry.simulated}>
          <button data-action="restore" disabled={readOnly()} title="put the entry's own promise and value back and re-run its readers" onClick={() => props.store.restore(key())}>
            Restore
          </button>
        </Show>
        <Show when={refused()}>
          <span class="error-text" data-refused="simulate">{refused()}</span>
        </Show>
      </div>
      <dl class="facts">
        <dt>status</dt>
        <dd data-fact="status">
          {props.entry.status}
          {props.entry.simulated ? " (simulated by devtools)" : ""}
          {props.entry.hydrated ? " (hydrated)" : ""}
          {props.entry.observers === 0 ? ", inactive" : ""}
        </dd>
        <dt>updated</dt>
        <dd>{props.entry.updatedAt ? `${formatClock(props.entry.updatedAt)} (${formatAge(props.now() - props.entry.updatedAt)} ago)` : "invalidated"}</dd>
        <dt>intent</dt>
        <dd>{props.entry.intent === "undefined" ? "—" : props.entry.intent}</dd>
        <dt>observers</dt>
        <dd>{props.entry.observers}</dd>
        <Show when={props.entry.gcAt}>
          {(gcAt) => (
            <>
              <dt>collected</dt>
              <dd>in {formatAge(Math.max(0, gcAt() - props.now()))} unless observed again</dd>
            </>
          )}
        </Show>
        <dt>fetches</dt>
        <dd>
          {props.entry.fetches}
          {props.entry.lastFetchMs === undefined ? "" : ` (last ${formatMs(props.entry.lastFetchMs)})`}
        </dd>
      </dl>
      <EntrySources entry={props.entry} store={props.store} />
      <Show when={props.entry.args}>
        {(args) => (
          <>
            <h3>Args</h3>
            <PreviewTree preview={args()} />
          </>
        )}
      </Show>
      <Show when={props.entry.error}>
        {(error) => (
          <>
            <h3>Error</h3>
            <PreviewTree preview={error()} />
          </>
        )}
      </Show>
      <h3>Value</h3>
      <Show when={props.entry.value} fallback={<p class="muted">{props.entry.valueOmitted ? "Loading the value…" : "No value stored yet."}</p>}>
        {(value) => <PreviewTree preview={value()} expand={readOnly() ? undefined : expand} />}
      </Show>
      <ValueEditor entryKey={key()} store={props.store} disabled={readOnly() || !!props.entry.simulated} />
      <h3>Changes</h3>
      <ValueChanges changes={props.store.valueChanges(key())} />
      <h3>Fetch history</h3>
      <Show when={history().length} fallback={<p class="muted">No fetch of this key in the log.</p>}>
        <table class="history">
          <tbody>
            <For each={history()}>
              {(record) => (
                <tr data-fetch-id={record.fetchId}>
                  <td>{formatClock(record.time)}</td>
                  <td>{record.cause}</td>
                  <td>{record.ms === undefined ? "pending" : formatMs(record.ms)}</td>
                  <td class={record.ok === false ? "error-text" : ""}>{record.ok === undefined ? "" : record.ok ? "ok" : "error"}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </aside>
  );
}
