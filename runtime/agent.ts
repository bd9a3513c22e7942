/*
 * The page end of the bridge: answers panel commands and, only while a panel is connected,
 * streams events in batches (at most one round of messages per 50 ms) together with the current
 * state of every entry they touched, values only for the entries the panel watches. While no panel
 * is connected it posts nothing but the one-time `hello` that tells the extension a runtime is here.
 */
import { MAX_FRAME, PANEL_SOURCE, isTagged, pageFrame, pageMessage, parsePanelCommand, type DevtoolsEvent, type PageMessageBody, type PanelCommand } from "../bridge/protocol.ts";
import type { Wall } from "../bridge/wall.ts";
import type { DevtoolsHook } from "./devtools-hook.ts";

/**
 * Events per batch message: a burst of thousands becomes one or two messages (each costs the page
 * a fixed amount beyond its bytes, more so with DevTools open), none too large. At most
 * `maxQueue` events wait for the next batch; older ones are dropped and counted in the batch's
 * `dropped`, and the entries they touched are still sent in their current state. A burst that
 * touches more than `maxQueue` keys this way is followed by a snapshot instead.
 */
const BATCH_SIZE = 5000;
/**
 * Events wait this long for the next batch: a burst (an action refetching a thousand entries)
 * goes as a few messages, each touched entry once; the panel lags the page by at most this much.
 */
export const FLUSH_MS = 50;

export interface Agent {
  readonly connected: boolean;
  /** Invalid commands received and the last reason, for diagnostics. */
  readonly rejected: { count: number; lastReason?: string };
  dispose(): void;
}

export interface AgentOptions {
  maxQueue?: number;
  /** Longest frame body sent; see `post`. */
  maxFrame?: number;
}

export function createAgent(hook: DevtoolsHook, wall: Wall, url: () => string, { maxQueue = 10_000, maxFrame = MAX_FRAME }: AgentOptions = {}): Agent {
  let unsubscribe: (() => void) | undefined;
  /** Events to send are queue[head…]: dropping the oldest is `head++`, not an O(n) shift. */
  let queue: DevtoolsEvent[] = [];
  let head = 0;
  /** Events dropped from the queue since the last batch, and the keys they touched. */
  let dropped = 0;
  let staleKeys = new Set<string>();
  /** Dropped events touched more keys than we keep track of: only a snapshot can resync the panel. */
  let staleAll = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Keys whose values go with their updates: the panel shows them. */
  let watched = new Set<string>();
  /** Keys whose args this connection has carried: later updates leave them out. */
  let argsSent = new Set<string>();
  const rejected: Agent["rejected"] = { count: 0 };
  const earlyFlushAt = Math.max(1, Math.floor(maxQueue / 2));

  function resetQueue() {
    clearTimeout(timer);
    timer = undefined;
    queue = [];
    head = 0;
    dropped = 0;
    staleKeys = new Set();
    staleAll = false;
  }

  /**
   * Every page message goes as a frame (its JSON text), see protocol.ts. One too long for the
   * relays is made to fit: a batch is split in two, a snapshot loses its oldest events (counted as
   * dropped). What still does not fit (a single huge entry) is sent anyway: the relay rejects it and
   * the panel hears of the rejection, with its reason.
   */
  function post(body: PageMessageBody): void {
    const frame = pageFrame(pageMessage(body));
    if (frame.json.length <= maxFrame) return wall.send(frame);
    if (body.kind === "batch" && body.events.length + body.entries.length + body.removed.length > 1) {
      const [events, laterEvents] = halves(body.events);
      const [entries, laterEntries] = halves(body.entries);
      const [removed, laterRemoved] = halves(body.removed);
      post({ kind: "batch", events, entries, removed, dropped: body.dropped });
      return post({ kind: "batch", events: laterEvents, entries: laterEntries, removed: laterRemoved, dropped: 0 });
    }
    if (body.kind === "snapshot" && body.events.length) {
      const keep = Math.floor(body.events.length / 2);
      return post({ ...body, events: body.events.slice(body.events.length - keep), dropped: body.dropped + body.events.length - keep });
    }
    wall.send(frame);
  }

  const hello = () =>
    post({ kind: "hello", routerVersion: hook.routerVersion, instrumented: hook.instrumented, url: url() });
  // Self-sufficient (no hello needed after it): a hello would make the content script reconnect.
  // It holds every event recorded so far, so the queued ones must not follow it again.
  const sendSnapshot = () => {
    resetQueue();
    const snapshot = hook.snapshot();
    argsSent = new Set(snapshot.entries.map((entry) => entry.key));
    post({ kind: "snapshot", routerVersion: hook.routerVersion, instrumented: hook.instrumented, url: url(), ...snapshot });
  };

  /** A batch of events with the current state of the entries with these keys. */
  function sendBatch(events: DevtoolsEvent[], touched: string[], lost: number) {
    const entries = [];
    const removed = [];
    for (const key of touched) {
      const entry = hook.entry(key, { args: !argsSent.has(key), value: watched.has(key) });
      if (entry) {
        entries.push(entry);
        argsSent.add(key);
      } else {
        removed.push(key);
        argsSent.delete(key);
      }
    }
    post({ kind: "batch", events, entries, removed, dropped: lost });
  }

  function flush() {
    timer = undefined;
    if (staleAll) return sendSnapshot();
    const events = queue.slice(head);
    // Every entry touched since the last flush goes once, in its current state, including entries
    // whose only events were dropped. Batches split events and entries alike.
    const touched = staleKeys;
    for (const event of events) if ("key" in event) touched.add(event.key);
    const keys = [...touched];
    let lost = dropped;
    resetQueue();
    const batches = Math.max(Math.ceil(events.length / BATCH_SIZE), Math.ceil(keys.length / BATCH_SIZE), lost ? 1 : 0);
    for (let i = 0; i < batches; i++) {
      sendBatch(events.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE), keys.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE), lost);
      lost = 0;
    }
  }

  function flushIfPending() {
    if (timer !== undefined) flush();
  }

  function onEvent(event: DevtoolsEvent) {
    queue.push(event);
    if (queue.length - head > maxQueue) {
      const oldest = queue[head++];
      dropped++;
      if ("key" in oldest && !staleAll) {
        staleKeys.add(oldest.key);
        if (staleKeys.size > maxQueue) {
          staleAll = true;
          staleKeys = new Set();
        }
      }
      // Compact now and then: amortized O(1) per event, and memory stays within twice the cap.
      if (head >= maxQueue) {
        queue = queue.slice(head);
        head = 0;
      }
    }
    // Half the cap goes without waiting for the timer, so a long task's burst is not dropped.
    if (queue.length - head === earlyFlushAt) queueMicrotask(flushIfPending);
    timer ??= setTimeout(flush, FLUSH_MS);
  }

  function handle(command: PanelCommand) {
    switch (command.kind) {
      case "connect":
        unsubscribe ??= hook.subscribe(onEvent);
        watched = new Set();
        sendSnapshot();
        return;
      case "disconnect":
        unsubscribe?.();
        unsubscribe = undefined;
        watched = new Set();
        resetQueue();
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
        return post({ kind: "value", key: command.key, path: command.path, preview: hook.inspect(command.key, command.path) });
      case "watch":
        watched = new Set(command.keys);
        // Their values now, not at their next update.
        if (unsubscribe) sendBatch([], command.keys, 0);
        return;
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
      resetQueue();
      stopListening();
    },
  };
}

function halves<T>(list: T[]): [T[], T[]] {
  const middle = Math.ceil(list.length / 2);
  return [list.slice(0, middle), list.slice(middle)];
}
