/*
 * The runtime suite's router-free helpers: the page hook the patched router published, waiting for
 * the router's async work, and the instrumentation's event log in a comparable form. Shared by the
 * suite of every router line, Solid 2's included (examples/solid2/test), which mounts its own app.
 */
import { expect } from "vitest";
import type { DevtoolsEvent, EventKind } from "../bridge/protocol.ts";
import { GLOBAL_HOOK, type DevtoolsHook } from "./devtools-hook.ts";

/** The page-global hook the patched router published when it loaded. */
export function hook(): DevtoolsHook {
  const found = (globalThis as Record<string, unknown>)[GLOBAL_HOOK] as DevtoolsHook | undefined;
  if (!found?.instrumented) throw new Error("the router was not instrumented");
  return found;
}

/** Waits for a few macrotasks: enough for resolved fetches, transitions and action handlers. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A promise resolved (or rejected) by hand, to hold a fetch in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

type Loose = Record<string, unknown>;

/**
 * The logged events (optionally only some kinds) without seq, time and durations, with fetch
 * and action ids renumbered from 1 in order of appearance, so whole sequences compare exactly.
 */
export function log(kinds?: EventKind[]): Loose[] {
  const fetchIds = new Map<number, number>();
  const actionIds = new Map<number, number>();
  const renumber = (ids: Map<number, number>, id: number) => ids.get(id) ?? ids.set(id, ids.size + 1).get(id)!;
  return hook()
    .snapshot()
    .events.filter((event) => !kinds || kinds.includes(event.kind))
    .map((event) => {
      const { seq: _seq, time: _time, ...rest } = event as DevtoolsEvent & Loose;
      const out: Loose = { ...rest };
      if ("ms" in out) {
        expect(out.ms).toBeGreaterThanOrEqual(0);
        delete out.ms;
      }
      if (typeof out.fetchId === "number") out.fetchId = renumber(fetchIds, out.fetchId);
      if (out.kind?.toString().startsWith("action-")) out.id = renumber(actionIds, out.id as number);
      if (typeof out.actionId === "number") out.actionId = renumber(actionIds, out.actionId);
      const revalidation = out.revalidation as Loose | undefined;
      if (typeof revalidation?.actionId === "number") out.revalidation = { ...revalidation, actionId: renumber(actionIds, revalidation.actionId) };
      const cause = out.cause as Loose | undefined;
      if (typeof cause === "object" && typeof cause.actionId === "number") out.cause = { ...cause, actionId: renumber(actionIds, cause.actionId) };
      return out;
    });
}

/** Compact one-line form of the log, e.g. `fetch-start getItem["a"] initial`. */
export function lines(kinds?: EventKind[]): string[] {
  return log(kinds).map((e) => {
    const key = typeof e.key === "string" ? ` ${e.key}` : "";
    switch (e.kind) {
      case "fetch-start":
        return `fetch-start${key} ${e.cause}${e.revalidation ? ` by ${(e.revalidation as Loose).kind}` : ""}`;
      case "fetch-settle":
        return `fetch-settle${key} ${e.ok ? "ok" : "error"}${e.stored ? " stored" : ""}`;
      case "value-set":
        return `value-set${key} via ${e.via}`;
      case "observers":
        return `observers${key} ${e.count}`;
      case "entry-removed":
        return `entry-removed${key} ${e.reason}`;
      case "invalidated":
        return `invalidated ${(e.keys as string[]).join(" ")}`;
      default:
        return `${e.kind}${key}`;
    }
  });
}

/** The primitive inside a preview, for short assertions. */
export const primitive = (value: string | number | boolean | null) => ({ type: "primitive", value });
