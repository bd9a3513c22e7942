/*
 * What the latest writes changed in a watched entry's value: per write, its time and who wrote it,
 * then each path added, removed or changed with short before → after previews. The page keeps and
 * sends these only while the details are open.
 */
import { For, Show, type JSX } from "solid-js";
import type { ValueChange } from "../../bridge/protocol.ts";
import { formatClock, inlinePreview } from "../format.ts";
import { formatValuePath } from "./value-path.ts";

const WHO: Record<ValueChange["via"], string> = {
  fetch: "refetch",
  set: "query.set",
  devtools: "devtools edit",
  awaited: "query.set (awaited)",
};

export function ValueChanges(props: { changes: readonly ValueChange[] }): JSX.Element {
  return (
    <Show when={props.changes.length} fallback={<p class="muted">No change since the details opened.</p>}>
      <ol class="changes" data-changes>
        <For each={[...props.changes].reverse()}>
          {(change) => (
            <li data-change-via={change.via}>
              <span class="muted">
                {formatClock(change.time)} · {WHO[change.via]}
              </span>
              <ul>
                <For each={change.paths}>
                  {(path) => (
                    <li data-change={path.change} data-path={formatValuePath(path.path)}>
                      <span class={`badge change-${path.change}`}>{path.change}</span> <code>{formatValuePath(path.path)}</code>{" "}
                      <Show when={path.before}>{(before) => <span class="muted">{inlinePreview(before(), 40)}</span>}</Show>
                      <Show when={path.change === "changed"}> → </Show>
                      <Show when={path.after}>{(after) => <span>{inlinePreview(after(), 40)}</span>}</Show>
                    </li>
                  )}
                </For>
                <Show when={change.more}>
                  <li class="muted">… {change.more} more paths</li>
                </Show>
              </ul>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
