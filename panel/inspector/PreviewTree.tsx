/*
 * An expandable tree of a value preview. Collapsed nodes (cut by the runtime's depth or size
 * limits) are fetched from the page on demand with `inspect {key, path}`.
 */
import { For, Match, Show, Switch, createSignal, type JSX } from "solid-js";
import type { PathSegment, Preview } from "../../bridge/preview-schema.ts";
import { inlinePreview } from "../format.ts";

export interface PreviewTreeProps {
  preview: Preview;
  label?: string;
  /** Loads a collapsed node; resolves with its preview. */
  expand?: (path: PathSegment[]) => Promise<Preview>;
}

export function PreviewTree(props: PreviewTreeProps): JSX.Element {
  return (
    <ul class="tree">
      <Node preview={props.preview} label={props.label} expand={props.expand} open />
    </ul>
  );
}

function Node(props: PreviewTreeProps & { open?: boolean }): JSX.Element {
  const [open, setOpen] = createSignal(props.open ?? false);
  const [loaded, setLoaded] = createSignal<Preview>();
  const current = () => loaded() ?? props.preview;
  const children = (): [string, Preview][] => {
    const p = current();
    switch (p.type) {
      case "array":
        return p.items.map((item, i) => [String(i), item]);
      case "set":
        return p.items.map((item, i) => [String(i), item]);
      case "map":
        return p.entries.map(([k, v]) => [inlinePreview(k, 40), v]);
      case "object":
        return p.entries;
      case "error":
        return p.stack ? [["stack", { type: "primitive", value: p.stack }]] : [];
      default:
        return [];
    }
  };
  const expandable = () => current().type === "collapsed" || children().length > 0;
  const toggle = async () => {
    const p = current();
    if (p.type === "collapsed" && props.expand) setLoaded(await props.expand(p.path));
    setOpen(!open());
  };
  return (
    <li>
      <span class="tree-line" classList={{ expandable: expandable() }} onClick={toggle}>
        <Show when={expandable()}>
          <span class="twisty">{open() ? "▾" : "▸"}</span>
        </Show>
        <Show when={props.label !== undefined}>
          <span class="tree-key">{props.label}: </span>
        </Show>
        <span class={`tree-value type-${current().type}`}>{inlinePreview(current())}</span>
        <Switch>
          <Match when={current().type === "object" && (current() as { more: number }).more > 0}>
            <span class="muted"> (+{(current() as { more: number }).more} more)</span>
          </Match>
        </Switch>
      </span>
      <Show when={open() && children().length}>
        <ul class="tree">
          <For each={children()}>{([label, child]) => <Node preview={child} label={label} expand={props.expand} />}</For>
        </ul>
      </Show>
    </li>
  );
}
