/*
 * Mounts a router 2.0 app (memory history) for the runtime suite, and empties the router's cache
 * and the event log between tests. The log helpers are the other router lines' (runtime/test-log.ts).
 */
import { createRouter, memoryHistory, query, type RouteDefinition } from "@solidjs/router";
import { render } from "@solidjs/web";
import { hook, settle } from "../../../runtime/test-log.ts";

let mounted: (() => void)[] = [];

/** Renders `routes` at `url`; returns the container. */
export function mount(routes: RouteDefinition[], url = "/"): HTMLDivElement {
  const container = document.createElement("div");
  document.body.append(container);
  const Router = createRouter({ routes, history: memoryHistory(url) });
  const stop = render(() => <Router>{(props) => props.children}</Router>, container);
  mounted.push(() => (stop(), container.remove()));
  return container;
}

export async function reset(): Promise<void> {
  mounted.forEach((unmount) => unmount());
  mounted = [];
  await settle();
  query.clear();
  hook().clearLog();
}
