/*
 * A real page for panel tests: Solid Router with queries and actions, the real instrumentation,
 * its agent on one end of an in-memory wall pair and the panel's store on the other.
 */
import { A, MemoryRouter, Route, action, createAsync, json, query, useAction } from "@solidjs/router";
import { For } from "solid-js";
import { render } from "solid-js/web";
import { panelCommand } from "../bridge/protocol.ts";
import { createWallPair } from "../bridge/wall.ts";
import { createAgent } from "../runtime/agent.ts";
import { GLOBAL_HOOK, type DevtoolsHook } from "../runtime/devtools-hook.ts";
import { createPanelStore, type PanelStore } from "./store.ts";

export const calls: string[] = [];
export const getProjects = query(async () => (calls.push("projects"), [{ id: "1" }, { id: "2" }]), "projects");
export const getTasks = query(async (id: string) => (calls.push(`tasks ${id}`), [`task of ${id}`]), "tasks");
export const getBroken = query(async () => {
  calls.push("broken");
  throw new Error("broken on purpose");
}, "broken");
const addTask = action(async (title: string) => ({ added: title }), "addTask");
const renameProject = action(async (id: string) => json({ ok: true }, { revalidate: getTasks.keyFor(id) }), "renameProject");

export let runAddTask!: (title: string) => Promise<unknown>;
export let runRename!: (id: string) => Promise<unknown>;

function Tasks(props: { id: string }) {
  const tasks = createAsync(() => getTasks(props.id));
  return <li>{tasks()?.join()}</li>;
}

function Page() {
  const projects = createAsync(() => getProjects());
  const broken = createAsync(() => getBroken().catch(() => "failed"));
  runAddTask = useAction(addTask);
  runRename = useAction(renameProject);
  return (
    <ul>
      <For each={projects()}>{(project) => <Tasks id={project.id} />}</For>
      <li>{String(broken())}</li>
      <li>
        <A href="/projects/3">project 3</A>
      </li>
    </ul>
  );
}

export interface TestPage {
  store: PanelStore;
  hook: DevtoolsHook;
  dispose(): void;
}

/**
 * Mounts the page, connects a panel store to its runtime, and waits for the snapshot.
 * `beforeConnect` gets the store before it asks for the snapshot: a panel shown before data.
 */
export async function openTestPage(beforeConnect?: (store: PanelStore) => void): Promise<TestPage> {
  // Each test starts from an empty router cache and event log.
  query.clear();
  const hook = (globalThis as Record<string, unknown>)[GLOBAL_HOOK] as DevtoolsHook;
  hook.clearLog();
  calls.length = 0;
  const container = document.createElement("div");
  document.body.append(container);
  const stop = render(
    () => (
      <MemoryRouter>
        <Route path="/" component={Page} />
        {/* Hovering the link preloads this route's tasks. */}
        <Route path="/projects/:id" preload={({ params }) => void getTasks(params.id!)} component={() => <p>project</p>} />
      </MemoryRouter>
    ),
    container,
  );
  const [pageWall, panelWall] = createWallPair();
  const agent = createAgent(hook, pageWall, () => "memory://test-page");
  const store = createPanelStore(panelWall);
  beforeConnect?.(store);
  panelWall.send(panelCommand({ kind: "connect" }));
  await waitFor(() => store.state.status === "found");
  return {
    store,
    hook,
    dispose() {
      agent.dispose();
      stop();
      container.remove();
    },
  };
}

export async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
