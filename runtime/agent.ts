/*
 * The page end of the bridge: answers panel commands and, only while a panel is connected,
 * streams events in batches (at most one round of messages per 50 ms) together with the current
 * state of every entry they touched, values only for the entries the panel watches. While no panel
 * is connected it posts nothing but the one-time `hello` that tells the extension a runtime is here.
 */
import { MAX_FRAME, MAX_REASON, PANEL_SOURCE, isTagged, pageMessage, parsePanelCommand, type DevtoolsEvent, type PageMessageBody, type PanelCommand } from "../bridge/protocol.ts";
import { pageFrame } from "../bridge/page-frame.ts";
import type { Wall } from "../bridge/wall.ts";
import type { DevtoolsHook } from "./devtools-hook.ts";

/**
 * Events per batch message: a burst of thousands becomes one or two messages (each costs the page
 * a fixed amount beyond its bytes, more so with DevTools open), none too large. A burst this long
 * is sent without waiting for the timer, before the page's history (10,000 events by default)
 * overwrites it. Events it overwrote anyway (one synchronous burst longer than the history) are
 * counted in the batch's `dropped`; their keys are unknown, so that batch carries every entry.
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
  /** Longest frame body sent; see `post`. */
  maxFrame?: number;
}

/**
 * Events are read from the page's history when a batch goes, not queued as they happen: the
 * router's hot path only records them, with no event object built per event and kept for up to
 * 50 ms (kept ones outlive the young generation).
 */
export function createAgent(hook: DevtoolsHook, wall: Wall, url: () => string, { maxFrame = MAX_FRAME }: AgentOptions = {}): Agent {
  /** Stops the history's notices: set while a panel is connected. */
  let stopNotices: (() => void) | undefined;
  /** The seq of the newest event the panel has, from a batch or its snapshot. */
  let cursor = 0;
  /** Events recorded since the last batch. */
  let pending = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Keys whose values go with their updates: the panel shows them. */
  let watched = new Set<string>();
  /** The watched keys' value-change tracking (released when unwatched) and the version of their list last sent. */
  const tracking = new Map<string, { release: () => void; sent: number }>();
  /** Keys whose args this connection has carried: later updates leave them out. */
  let argsSent = new Set<string>();
  /** How much of the page's source-site log this connection has carried. */
  let sitesSent = 0;
  /** Source sites not yet sent on this connection, as a frame field (absent when none). */
  function newSites() {
    const found = hook.sitesSince?.(sitesSent);
    if (!found) return {};
    sitesSent = found.next;
    return found.sites.length ? { sites: found.sites } : {};
  }
  const rejected: Agent["rejected"] = { count: 0 };

  /** Tracks the value changes of exactly the keys in `keys` (none: stops tracking). */
  function trackChanges(keys: Iterable<string>) {
    const wanted = new Set(keys);
    for (const [key, track] of tracking) {
      if (wanted.has(key)) continue;
      track.release();
      tracking.delete(key);
    }
    for (const key of wanted) if (!tracking.has(key)) tracking.set(key, { release: hook.trackChanges(key), sent: 0 });
  }

  /** Sends the value changes of these watched keys that the panel does not have yet. */
  function sendChanges(keys: Iterable<string>) {
    for (const key of keys) {
      const track = tracking.get(key);
      if (!track) continue;
      const { version, changes } = hook.valueChanges(key);
      if (version === track.sent) continue;
      track.sent = version;
      post({ kind: "value-changes", key, changes });
    }
  }

  function resetTimer() {
    clearTimeout(timer);
    timer = undefined;
    pending = 0;
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
      post({ kind: "batch", events, entries, removed, dropped: body.dropped, sites: body.sites });
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
  // It holds every event the history has, so the next batch starts after them.
  const sendSnapshot = () => {
    resetTimer();
    const snapshot = hook.snapshot();
    cursor = hook.lastSeq();
    argsSent = new Set(snapshot.entries.map((entry) => entry.key));
    sitesSent = 0;
    post({ kind: "snapshot", routerVersion: hook.routerVersion, instrumented: hook.instrumented, url: url(), ...snapshot, ...newSites() });
  };

  /** A batch of events with the current state of the entries with these keys (removed if gone). */
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
    post({ kind: "batch", events, entries, removed, dropped: lost, ...newSites() });
    if (tracking.size) sendChanges(touched);
  }

  function flush() {
    resetTimer();
    const { events, missed } = hook.eventsSince(cursor);
    cursor = hook.lastSeq();
    // Every entry touched since the last batch goes once, in its current state. Lost events touched
    // keys we cannot know: then every entry goes, and every one the panel has that is gone.
    const touched = new Set<string>(missed ? [...hook.keys(), ...argsSent] : []);
    for (const event of events) {
      if ("key" in event) touched.add(event.key);
      else if (event.kind === "invalidated") for (const key of event.keys) touched.add(key);
    }
    const keys = [...touched];
    let lost = missed;
    const batches = Math.max(Math.ceil(events.length / BATCH_SIZE), Math.ceil(keys.length / BATCH_SIZE), lost ? 1 : 0);
    for (let i = 0; i < batches; i++) {
      sendBatch(events.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE), keys.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE), lost);
      lost = 0;
    }
  }

  function flushIfPending() {
    if (timer !== undefined) flush();
  }

  /** The history recorded an event: it goes with the next batch. */
  function onRecord() {
    if (++pending === BATCH_SIZE) queueMicrotask(flushIfPending);
    timer ??= setTimeout(flush, FLUSH_MS);
  }

  function handle(command: PanelCommand) {
    switch (command.kind) {
      case "connect":
        stopNotices ??= hook.onRecord(onRecord);
        watched = new Set();
        trackChanges([]);
        sendSnapshot();
        return;
      case "disconnect":
        stopNotices?.();
        stopNotices = undefined;
        watched = new Set();
        trackChanges([]);
        resetTimer();
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
        trackChanges(stopNotices ? watched : []);
        // Their values now, not at their next update.
        if (stopNotices) sendBatch([], command.keys, 0);
        return;
      case "clear-log":
        return hook.clearLog();
      case "read-json":
        return post({ kind: "value-json", key: command.key, ...hook.readJson(command.key) });
      case "set-value":
      case "simulate":
      case "restore": {
        const reason =
          command.kind === "set-value" ? hook.setValue(command.key, command.path, command.json)
          : command.kind === "simulate" ? hook.simulate(command.key, command.state)
          : hook.restore(command.key);
        if (reason !== undefined) post({ kind: "refused", command: command.kind, key: command.key, reason: reason.slice(0, MAX_REASON) });
        return;
      }
      case "open-in-editor":
        return hook.openInEditor?.(command.site);
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
      return stopNotices !== undefined;
    },
    rejected,
    dispose() {
      stopNotices?.();
      trackChanges([]);
      resetTimer();
      stopListening();
    },
  };
}

function halves<T>(list: T[]): [T[], T[]] {
  const middle = Math.ceil(list.length / 2);
  return [list.slice(0, middle), list.slice(middle)];
}
