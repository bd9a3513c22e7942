/*
 * Editing an entry's value as JSON, whole or one field of it: the page sends the value as JSON
 * (or says why it cannot round-trip), the edit goes back as `set-value`, which the page writes
 * with the router's own `query.set` (the timeline then says "value set by devtools").
 */
import { Show, createSignal, onCleanup, type JSX } from "solid-js";
import type { PanelStore } from "../store.ts";
import { jsonAt, parseValuePath } from "./value-path.ts";

export function ValueEditor(props: { entryKey: string; store: PanelStore; disabled: boolean }): JSX.Element {
  const [path, setPath] = createSignal("");
  const [text, setText] = createSignal<string | undefined>();
  const [problem, setProblem] = createSignal("");
  let asked: string | undefined;
  onCleanup(
    props.store.onEditAnswer((answer) => {
      if (answer.key !== props.entryKey) return;
      if (answer.kind === "refused") return answer.command === "set-value" && setProblem(answer.reason);
      if (asked !== answer.key) return;
      asked = undefined;
      if (answer.refused !== undefined || answer.json === undefined) return setProblem(`cannot edit: ${answer.refused ?? "no value"}`);
      const part = jsonAt(JSON.parse(answer.json), parseValuePath(path()));
      if (part === undefined) return setProblem(`nothing at ${path()}`);
      setText(JSON.stringify(part, null, 2));
    }),
  );
  const open = () => {
    setProblem("");
    asked = props.entryKey;
    props.store.readJson(props.entryKey);
  };
  const save = () => {
    const edit = text();
    if (edit === undefined) return;
    try {
      JSON.parse(edit);
    } catch (error) {
      return setProblem(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    setProblem("");
    props.store.setValue(props.entryKey, parseValuePath(path()), edit);
    setText(undefined);
  };
  return (
    <div class="value-editor">
      <Show
        when={text() !== undefined}
        fallback={
          <div class="details-actions">
            <input class="filter" data-setting="edit-path" placeholder="field, e.g. 0.name" title="a field to edit (e.g. 0.name); empty: the whole value" value={path()} onInput={(e) => setPath(e.currentTarget.value)} />
            <button data-action="edit-value" disabled={props.disabled} title="edit as JSON; written with the router's query.set" onClick={open}>
              Edit
            </button>
          </div>
        }
      >
        <textarea data-editor="json" rows={8} spellcheck={false} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        <div class="details-actions">
          <button data-action="save-value" onClick={save}>
            Save
          </button>
          <button data-action="cancel-edit" onClick={() => (setText(undefined), setProblem(""))}>
            Cancel
          </button>
        </div>
      </Show>
      <Show when={problem()}>
        <p class="error-text" data-refused="set-value">
          {problem()}
        </p>
      </Show>
    </div>
  );
}
