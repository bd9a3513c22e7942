/*
 * The page end of the bridge: answers panel commands and, only while a panel is connected,
 * streams events in batches (one message per microtask, chunked) together with the current
 * state of every entry they touched. While no panel is connected it posts nothing but the
 * one-time `hello` that tells the extension a runtime is here.
 */
import { PANEL_SOURCE, isTagged, pageMessage, parsePanelCommand, type DevtoolsEvent, type PanelCommand } from "../bridge/protocol.ts";
import type { Wall } from "../bridge/wall.ts";
import type { DevtoolsHook } from "./devtools-hook.ts";

/** Events per batch message: a burst of thousands becomes a few messages, none too large. */
const BATCH_SIZE = 1000;

export interface Agent {
  readonly connected: boolean;
  /** Invalid commands received and the last reason, for diagnostics. */
  readonly rejected: { count: number; lastReason?: string };
  dispose(): void;
}

export function createAgent(hook: DevtoolsHook, wall: Wall, url: () => string, maxQueue = 10_000): Agent {
  let unsubscribe: (() => void) | undefined;
  let queue: DevtoolsEvent[] = [];
  let dropped = 0;
  let scheduled = false;
  const rejected: Agent["rejected"] = { count: 0 };

  const hello = () =>
    wall.send(pageMessage({ kind: "hello", routerVersion: hook.routerVersion, instrumented: hook.instrumented, url: url() }));
  // Self-sufficient (no hello needed after it): a hello would make the content script reconnect.
  const sendSnapshot = () =>
    wall.send(pageMessage({ kind: "snapshot", routerVersion: hook.routerVersion, instrumented: hook.instrumented, url: url(), ...hook.snapshot() }));

  function flush() {
    scheduled = false;
    while (queue.length) {
      const events = queue.slice(0, BATCH_SIZE);
      queue = queue.slice(BATCH_SIZE);
      const touched = new Set<string>();
      for (const event of events) if ("key" in event) touched.add(event.key);
      const entries = [];
      const removed = [];
      for (const key of touched) {
        const entry = hook.entry(key);
        if (entry) entries.push(entry);
        else removed.push(key);
      }
      wall.send(pageMessage({ kind: "batch", events, entries, removed, dropped }));
      dropped = 0;
    }
  }

  function onEvent(event: DevtoolsEvent) {
    queue.push(event);
    if (queue.length > maxQueue) {
      queue.shift();
      dropped++;
    }
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  }

  function handle(command: PanelCommand) {
    switch (command.kind) {
      case "connect":
        unsubscribe ??= hook.subscribe(onEvent);
        sendSnapshot();
        return;
      case "disconnect":
        unsubscribe?.();
        unsubscribe = undefined;
        queue = [];
        return;
      case "get-snapshot":
        return sendSnapshot();
      case "revalidate":
        return hook.revalidate(command.keys);
      case "invalidate":
        return hook.invalidate(command.keys);
      case "delete":
        return hook.delete(command.keys);
      case "inspect":
        return wall.send(pageMessage({ kind: "value", key: command.key, path: command.path, preview: hook.inspect(command.key, command.path) }));
      case "clear-log":
        return hook.clearLog();
    }
  }

  const stopListening = wall.listen((data) => {
    if (!isTagged(data, PANEL_SOURCE)) return;
    const parsed = parsePanelCommand(data);
    if (!parsed.ok) {
      rejected.count++;
      rejected.lastReason = parsed.reason;
      return;
    }
    try {
      handle(parsed.message);
    } catch (error) {
      console.warn("[solid-query-devtools] command failed:", parsed.message.kind, error);
    }
  });
  hello();

  return {
    get connected() {
      return unsubscribe !== undefined;
    },
    rejected,
    dispose() {
      unsubscribe?.();
      stopListening();
    },
  };
}
