/*
 * The panel's frame: toolbar with connection state and "revalidate all", the queries and
 * timeline views, and the empty states that say what to do when there is nothing to show.
 */
import { Match, Show, Switch, createSignal, onCleanup, type JSX } from "solid-js";
import type { PanelStore } from "./store.ts";
import { QueriesView } from "./queries/QueriesView.tsx";
import { TimelineView } from "./timeline/TimelineView.tsx";

export type Theme = "light" | "dark";

export function App(props: { store: PanelStore; theme: Theme }): JSX.Element {
  const [view, setView] = createSignal<"queries" | "timeline">("queries");
  const [selected, setSelected] = createSignal<string>();
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));
  const state = props.store.state;

  const selectKey = (key: string) => {
    setSelected(key);
    setView("queries");
  };

  return (
    <div class="app" data-theme={props.theme}>
      <header class="toolbar">
        <nav class="tabs" role="tablist">
          <button role="tab" data-view="queries" aria-selected={view() === "queries"} onClick={() => setView("queries")}>
            Queries
          </button>
          <button role="tab" data-view="timeline" aria-selected={view() === "timeline"} onClick={() => setView("timeline")}>
            Timeline
          </button>
        </nav>
        <button data-action="revalidate" data-scope="all" title="revalidate(): every entry, refetching the active ones" onClick={() => props.store.revalidate()}>
          ↻ Revalidate all
        </button>
        <span class="spacer" />
        <Show when={state.rejected.count}>
          <span class="warning" data-rejected={state.rejected.count} title={state.rejected.lastReason}>
            {state.rejected.count} invalid messages ignored
          </span>
        </Show>
        <span class="status" data-status={state.status}>
          {state.status === "found" ? `@solidjs/router ${state.routerVersion}` : state.status}
        </span>
      </header>
      <Switch>
        <Match when={state.status === "missing"}>
          <div class="notice" data-notice="missing">
            <h2>No Solid Router query runtime on this page</h2>
            <p>Add the Vite plugin to the app and restart its dev server:</p>
            <pre>{`import { queryDevtools } from "solid-query-devtools/vite";\n\nexport default defineConfig({\n  plugins: [solid(), queryDevtools()],\n});`}</pre>
          </div>
        </Match>
        <Match when={state.status === "unsupported"}>
          <div class="notice" data-notice="unsupported">
            <h2>@solidjs/router {state.routerVersion} is not supported</h2>
            <p>The runtime instruments 0.15.x, 0.16.x and 1.0.x. The app runs unchanged.</p>
          </div>
        </Match>
        <Match when={state.status === "mismatch"}>
          <div class="notice" data-notice="mismatch">
            <h2>Protocol mismatch</h2>
            <p>{state.mismatch}. Update the extension or the app's solid-query-devtools package so both match.</p>
          </div>
        </Match>
      </Switch>
      <main class="content">
        <Show when={view() === "queries"} fallback={<TimelineView store={props.store} onSelectKey={selectKey} />}>
          <QueriesView store={props.store} now={now} selected={selected()} onSelect={setSelected} />
        </Show>
      </main>
    </div>
  );
}
