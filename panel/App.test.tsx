/*
 * The panel against a real runtime and router in the same document, over an in-process wall pair.
 */
import { MemoryRouter, Route, createAsync, query } from "@solidjs/router";
import { For } from "solid-js";
import { render } from "solid-js/web";
import { afterEach, expect, test } from "vitest";
import { panelCommand } from "../bridge/protocol.ts";
import { createWallPair } from "../bridge/wall.ts";
import { createAgent } from "../runtime/agent.ts";
import { GLOBAL_HOOK, type DevtoolsHook } from "../runtime/devtools-hook.ts";
import { App } from "./App.tsx";
import { createPanelStore } from "./store.ts";

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

function Tasks(props: { id: string }) {
  const tasks = createAsync(() => getTasks(props.id));
  return <p>{tasks()}</p>;
}
const calls: string[] = [];
const getTasks = query(async (id: string) => (calls.push(id), [`task of ${id}`]), "tasks");

test("lists the page's queries grouped by name and revalidates one instance", async () => {
  const app = document.createElement("div");
  document.body.append(app);
  disposers.push(
    render(
      () => (
        <MemoryRouter>
          <Route path="/" component={() => <For each={["1", "2"]}>{(id) => <Tasks id={id} />}</For>} />
        </MemoryRouter>
      ),
      app,
    ),
  );
  const hook = (globalThis as Record<string, unknown>)[GLOBAL_HOOK] as DevtoolsHook;
  const [pageWall, panelWall] = createWallPair();
  const agent = createAgent(hook, pageWall, () => "memory://test");
  disposers.push(() => agent.dispose());
  const store = createPanelStore(panelWall);
  const panel = document.createElement("div");
  document.body.append(panel);
  disposers.push(render(() => <App store={store} theme="light" />, panel));
  panelWall.send(panelCommand({ kind: "connect" }));

  await until(() => panel.querySelectorAll('[data-query-name="tasks"] [data-query-key]').length === 2);
  expect([...panel.querySelectorAll("[data-query-key]")].map((row) => row.getAttribute("data-query-key"))).toEqual(['tasks["1"]', 'tasks["2"]']);
  await until(() => calls.length === 2);

  panel.querySelector<HTMLButtonElement>('[data-query-key=\'tasks["2"]\'] [data-action="revalidate"]')!.click();
  await until(() => calls.length === 3);
  expect(calls).toEqual(["1", "2", "2"]);
});
