/*
 * A source location in the panel: `file:line:column`, or "unknown". A click opens it in DevTools'
 * Sources (the extension) or, where there is no DevTools API, in the developer's editor; ✎ always
 * opens the editor, through the dev server. An imported session shows the location as text.
 */
import { Show, createSignal, type JSX } from "solid-js";
import { siteText } from "../../bridge/source-site.ts";
import type { PanelStore } from "../store.ts";
import { sourcesOpener } from "./open-in-sources.ts";

const openInSources = sourcesOpener();

export function SourceLink(props: { site: number | undefined; store: PanelStore }): JSX.Element {
  const [problem, setProblem] = createSignal<string>();
  const site = () => (props.site === undefined ? undefined : props.store.sites().get(props.site));
  const readOnly = () => props.store.state.readOnly;
  const stop = (event: Event) => event.stopPropagation();
  const editor = () => site() && props.store.openInEditor(site()!.id);
  async function open(event: MouseEvent) {
    stop(event);
    setProblem(undefined);
    if (!openInSources) return editor();
    setProblem(await openInSources(site()!));
  }
  return (
    <Show when={site()} fallback={<span class="source muted" data-site="unknown" title="not in a module the plugin read, or defined in two files">unknown</span>}>
      {(known) => (
        <span class="source" data-site={known().id} onClick={stop}>
          <Show when={!readOnly()} fallback={<span class="source-text">{siteText(known())}</span>}>
            <button class="source-link" data-action="open-source" title={openInSources ? "open in DevTools Sources" : "open in your editor"} onClick={open}>
              {siteText(known())}
            </button>
            <Show when={openInSources}>
              <button class="source-editor" data-action="open-in-editor" title="open in your editor (through the dev server)" onClick={(event) => (stop(event), editor())}>
                ✎
              </button>
            </Show>
          </Show>
          <Show when={known().component}>{(component) => <span class="muted"> in {component()}</span>}</Show>
          <Show when={problem()}>{(text) => <span class="error-text" data-source-problem> {text()}</span>}</Show>
        </span>
      )}
    </Show>
  );
}
