/*
 * The package's `./runtime` entry: typed access to the page hook the instrumented router publishes,
 * for tests or custom tooling (`getDevtoolsHook()?.snapshot()`), and the protocol's types.
 */
import { GLOBAL_HOOK, type DevtoolsHook } from "./devtools-hook.ts";

export type { DevtoolsHook, Snapshot } from "./devtools-hook.ts";
export type { DevtoolsEvent, Entry, EntryStatus, FetchCause, RevalidateCause } from "../bridge/protocol.ts";
export type { Preview } from "../bridge/preview-schema.ts";

/** The hook of this page's instrumented router, if the Vite plugin installed one. */
export function getDevtoolsHook(): DevtoolsHook | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_HOOK] as DevtoolsHook | undefined;
}
