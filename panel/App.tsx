/*
 * The panel's frame: toolbar (views, revalidate all, export/import, connection state), the
 * notices that teach what to do when there is nothing to show, and the three views. Selecting a
 * key in the timeline or the waterfall shows it in the queries view and "In timeline" filters the
 * timeline by it. The view, filters, sort, pane sizes and "preserve log" are settings, which the
 * panel remembers across DevTools sessions where it is given storage for them.
 */
import { ErrorBoundary, Match, Show, Switch, createEffect, createSignal, on, onCleanup, type JSX } from "solid-js";
import { SUPPORTED_LINES } from "../runtime/router-patches.ts";
import type { OriginAccess } from "./origin/origin-access.ts";
import { OriginBadge, OriginNotice } from "./origin/OriginNotice.tsx";
import { createOriginState } from "./origin/origin-state.ts";
import { QueriesView } from "./queries/QueriesView.tsx";
import { download, parseSession } from "./session.ts";
import { createSettings, setting, type Settings, type View } from "./settings/settings.ts";
import type { PanelStore } from "./store.ts";
import { TimelineView } from "./timeline/TimelineView.tsx";
import { WaterfallView } from "./waterfall/WaterfallView.tsx";

export type Theme = "light" | "dark";

/**
 * `origin`: site access, where the panel runs in the extension (elsewhere there is none to offer).
 * `settings`: remembered ones (loadSettings); without, this session's in memory.
 */
export function App(props: { store: PanelStore; theme: Theme; origin?: OriginAccess; settings?: Settings }): JSX.Element {
  const settings = props.settings ?? createSettings();
  const view = () => settings.state.view;
  const setView = (next: View) => settings.set("view", next);
  const [selected, setSelected] = createSignal<string>();
  const [timelineText, setTimelineText] = setting(settings, "timeline", "text");
  const [labelWidth, setLabelWidth] = setting(settings, "panes", "waterfallLabels");
  props.store.setPreserveLog(settings.state.preserveLog);
  createEffect(on(() => props.store.state.preserveLog, (preserve) => settings.set("preserveLog", preserve), { defer: true }));
  const [importError, setImportError] = createSignal("");
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));
  const state = props.store.state;
  const origin = props.origin && createOriginState(props.origin);
  let fileInput!: HTMLInputElement;

  const selectKey = (key: string) => {
    setSelected(key);
    setView("queries");
  };
  const showInTimeline = (key: string) => {
    setTimelineText(key);
    setView("timeline");
  };
  const exportSession = async () => {
    const session = await props.store.exportSession();
    download(`solid-queries-${new Date(session.exportedAt).toISOString().replace(/[:.]/g, "-")}.json`, JSON.stringify(session, null, 1));
  };
  const importSession = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseSession(await file.text());
    setImportError(parsed.ok ? "" : `Cannot import ${file.name}: ${parsed.reason}`);
    if (parsed.ok) props.store.importSession(parsed.session);
    fileInput.value = "";
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
          <button role="tab" data-view="waterfall" aria-selected={view() === "waterfall"} onClick={() => setView("waterfall")}>
            Waterfall
          </button>
        </nav>
        <button data-action="revalidate" data-scope="all" disabled={state.readOnly} title="revalidate(): every entry, refetching the active ones" onClick={() => props.store.revalidate()}>
          ↻ Revalidate all
        </button>
        <span class="spacer" />
        <Show when={state.rejected.count}>
          <span class="warning" data-rejected={state.rejected.count} title={state.rejected.lastReason}>
            {state.rejected.count} invalid messages ignored
          </span>
        </Show>
        <Show when={state.lost}>
          <span class="warning" data-lost={state.lost} title="page messages the content script passed on that never reached the panel">
            {state.lost} messages lost on the way
          </span>
        </Show>
        <button data-action="export" title="save entries and events as a JSON file" onClick={exportSession}>
          Export
        </button>
        <button data-action="import" title="open an exported session read-only" onClick={() => fileInput.click()}>
          Import
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden data-setting="import-file" onChange={(e) => void importSession(e.currentTarget.files?.[0])} />
        <OriginBadge origin={origin} />
        <span class="status" data-status={state.status}>
          {state.status === "found" ? `@solidjs/router ${state.routerVersion}` : state.status}
        </span>
      </header>
      <Show when={importError()}>
        <div class="notice error-text" data-notice="import-error">
          {importError()}
        </div>
      </Show>
      <Switch>
        <Match when={state.readOnly}>
          <div class="notice" data-notice="read-only">
            Viewing an imported session{state.url ? ` of ${state.url}` : ""} (read-only).{" "}
            <button data-action="back-to-live" onClick={() => props.store.backToLive()}>
              Back to the live page
            </button>
          </div>
        </Match>
        <Match when={state.status === "missing"}>
          <OriginNotice origin={origin}>
            <div class="notice" data-notice="missing">
              <h2>No Solid Router query runtime on this page</h2>
              <p>Add the Vite plugin to the app and restart its dev server:</p>
              <pre>{`import { queryDevtools } from "solid-query-devtools/vite";\n\nexport default defineConfig({\n  plugins: [solid(), queryDevtools()],\n});`}</pre>
            </div>
          </OriginNotice>
        </Match>
        <Match when={state.status === "unsupported"}>
          <div class="notice" data-notice="unsupported">
            <h2>@solidjs/router {state.routerVersion} is not supported</h2>
            <p>The runtime instruments {SUPPORTED_LINES}. The app runs unchanged.</p>
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
        <Switch>
          <Match when={view() === "queries"}>
            <Guarded>
              <QueriesView store={props.store} now={now} selected={selected()} onSelect={setSelected} onShowInTimeline={showInTimeline} settings={settings} />
            </Guarded>
          </Match>
          <Match when={view() === "timeline"}>
            <Guarded>
              <TimelineView store={props.store} text={timelineText()} onText={setTimelineText} onSelectKey={selectKey} settings={settings} />
            </Guarded>
          </Match>
          <Match when={view() === "waterfall"}>
            <Guarded>
              <WaterfallView store={props.store} text={timelineText()} onText={setTimelineText} onSelectKey={selectKey} now={now} labelWidth={labelWidth()} onLabelWidth={setLabelWidth} />
            </Guarded>
          </Match>
        </Switch>
      </main>
    </div>
  );
}

/** A view that fails says so, with the error, and can be tried again; the toolbar and the other view keep working. */
function Guarded(props: { children: JSX.Element }): JSX.Element {
  return (
    <ErrorBoundary
      fallback={(error, retry) => (
        <div class="notice" data-notice="view-error">
          <h2>This view failed</h2>
          <pre>{error instanceof Error ? (error.stack ?? error.message) : String(error)}</pre>
          <button onClick={() => retry()}>Try again</button>
        </div>
      )}
    >
      {props.children}
    </ErrorBoundary>
  );
}
