/*
 * Entry point the patched router modules import (as "virtual:solid-query-devtools"). Creates the
 * one instrumentation of this page, publishes the global hook and, in a browser, the window
 * agent the extension's content script talks to.
 */
import { createWindowWall } from "../bridge/window-wall.ts";
import { createAgent } from "./agent.ts";
import { CacheInstrumentation } from "./cache-instrumentation.ts";
import { GLOBAL_HOOK, createDevtoolsHook, createInertHook, type DevtoolsHook } from "./devtools-hook.ts";
import { Recorder } from "./recorder.ts";
import { SUPPORTED_LINES, type RuntimeOptions } from "./router-patches.ts";

/** The registry the app's transformed modules register their source sites with (see source-sites-transform.ts). */
export { sourceSites } from "./source-sites.ts";

let instrumentation: CacheInstrumentation | undefined;
let unsupportedWarned = false;

export function installRouterDevtools(routerVersion: string, options: RuntimeOptions): CacheInstrumentation {
  if (instrumentation) return instrumentation;
  const recorder = new Recorder(options.bufferSize);
  instrumentation = new CacheInstrumentation(recorder);
  publish(createDevtoolsHook(routerVersion, instrumentation, recorder));
  return instrumentation;
}

export function reportUnsupportedRouter(routerVersion: string): void {
  if (unsupportedWarned) return;
  unsupportedWarned = true;
  console.warn(
    `[solid-query-devtools] @solidjs/router ${routerVersion} is not supported (supported: ${SUPPORTED_LINES}); ` +
      "the query cache is not instrumented and the app runs unchanged.",
  );
  publish(createInertHook(routerVersion));
}

function publish(hook: DevtoolsHook) {
  (globalThis as Record<string, unknown>)[GLOBAL_HOOK] = hook;
  if (typeof window !== "undefined" && typeof window.postMessage === "function") {
    createAgent(hook, createWindowWall(window), () => location.href);
  }
}
