/*
 * An entry's places in the source: where its query is defined and who reads it (createAsync sites
 * with their component), live as readers come and go. Observers at no known site (code the plugin
 * did not transform) are counted as such.
 */
import { For, Show, type JSX } from "solid-js";
import type { Entry } from "../../bridge/protocol.ts";
import type { PanelStore } from "../store.ts";
import { SourceLink } from "./SourceLink.tsx";

export function EntrySources(props: { entry: Entry; store: PanelStore }): JSX.Element {
  const readers = () => props.entry.readers ?? [];
  const unplaced = () => props.entry.observers - readers().reduce((sum, [, count]) => sum + count, 0);
  return (
    <>
      <dl class="facts">
        <dt>defined at</dt>
        <dd data-fact="defined-at">
          <SourceLink site={props.entry.definedAt} store={props.store} />
        </dd>
      </dl>
      <h3>Readers</h3>
      <Show when={props.entry.observers > 0 || readers().length} fallback={<p class="muted" data-readers="none">No reader observes it.</p>}>
        <ul class="readers">
          <For each={readers()}>
            {([site, count]) => (
              <li data-reader-site={site}>
                <SourceLink site={site} store={props.store} />
                {count > 1 ? <span class="muted"> ×{count}</span> : ""}
              </li>
            )}
          </For>
          <Show when={unplaced() > 0}>
            <li class="muted" data-reader-site="unknown">
              {unplaced()} at unknown places
            </li>
          </Show>
        </ul>
      </Show>
    </>
  );
}
