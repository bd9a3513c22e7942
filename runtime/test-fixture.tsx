/*
 * Shared helpers for the runtime suite: mount a MemoryRouter app, wait for the router's async
 * work, and read the instrumentation's event log in a comparable form (test-log.ts, shared with
 * the Solid 2 suite). The suite runs once per router line (see vite.config.ts), always through the
 * patched router.
 */
import { MemoryRouter, createMemoryHistory, query } from "@solidjs/router";
import type { JSX } from "solid-js";
import { render } from "solid-js/web";
import { hook, settle } from "./test-log.ts";

export { deferred, hook, lines, log, primitive, settle } from "./test-log.ts";

export interface Mounted {
  container: HTMLDivElement;
  history: ReturnType<typeof createMemoryHistory>;
  text(): string;
  dispose(): void;
}

let mounted: Mounted[] = [];

/** Renders routes inside a MemoryRouter (starting at `url`), attached to the document. */
export function mount(routes: () => JSX.Element, url = "/"): Mounted {
  const container = document.createElement("div");
  document.body.append(container);
  const history = createMemoryHistory();
  history.set({ value: url, replace: true, scroll: false });
  const stop = render(() => <MemoryRouter history={history}>{routes()}</MemoryRouter>, container);
  const handle: Mounted = {
    container,
    history,
    text: () => container.textContent ?? "",
    dispose() {
      stop();
      container.remove();
      mounted = mounted.filter((m) => m !== handle);
    },
  };
  mounted.push(handle);
  return handle;
}

/** Disposes every mounted app, empties the router cache and the event log: call in afterEach. */
export async function reset(): Promise<void> {
  mounted.forEach((m) => m.dispose());
  await settle();
  query.clear();
  hook().clearLog();
}
