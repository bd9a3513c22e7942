/*
 * Details of one entry: key, args, status, timing, error and the value, expandable on demand.
 */
import { Show, type JSX } from "solid-js";
import type { Entry } from "../../bridge/protocol.ts";
import type { PathSegment, Preview } from "../../bridge/preview-schema.ts";
import { formatClock, formatMs } from "../format.ts";
import { PreviewTree } from "../inspector/PreviewTree.tsx";
import type { PanelStore } from "../store.ts";

export function EntryDetails(props: { entry: Entry; store: PanelStore }): JSX.Element {
  const expand = (path: PathSegment[]) =>
    new Promise<Preview>((resolve) => {
      const key = props.entry.key;
      const stop = props.store.onValue((message) => {
        if (message.key === key && JSON.stringify(message.path) === JSON.stringify(path)) {
          stop();
          resolve(message.preview);
        }
      });
      props.store.inspect(key, path);
    });
  return (
    <aside class="details" data-details-key={props.entry.key}>
      <h2 class="details-key">{props.entry.key}</h2>
      <div class="details-actions">
        <button data-action="revalidate" data-scope="details" onClick={() => props.store.revalidate([props.entry.key])}>
          Revalidate
        </button>
        <button data-action="invalidate" onClick={() => props.store.invalidate([props.entry.key])}>
          Invalidate
        </button>
        <button data-action="delete" onClick={() => props.store.remove([props.entry.key])}>
          Delete
        </button>
      </div>
      <dl class="facts">
        <dt>status</dt>
        <dd>{props.entry.status}{props.entry.hydrated ? " (hydrated)" : ""}</dd>
        <dt>updated</dt>
        <dd>{props.entry.updatedAt ? formatClock(props.entry.updatedAt) : "invalidated"}</dd>
        <dt>intent</dt>
        <dd>{props.entry.intent}</dd>
        <dt>observers</dt>
        <dd>{props.entry.observers}</dd>
        <dt>fetches</dt>
        <dd>
          {props.entry.fetches}
          {props.entry.lastFetchMs === undefined ? "" : ` (last ${formatMs(props.entry.lastFetchMs)})`}
        </dd>
      </dl>
      <h3>Args</h3>
      <PreviewTree preview={props.entry.args} />
      <Show when={props.entry.error}>
        {(error) => (
          <>
            <h3>Error</h3>
            <PreviewTree preview={error()} />
          </>
        )}
      </Show>
      <h3>Value</h3>
      <Show when={props.entry.value} fallback={<p class="muted">No value stored yet.</p>}>
        {(value) => <PreviewTree preview={value()} expand={expand} />}
      </Show>
    </aside>
  );
}
