/*
 * The panel's state, fed by a Wall: entries of the inspected page's cache, the event log, and the
 * connection's health. It validates every incoming message (the page is untrusted), counts what
 * it rejects, and sends commands. Plain functions over a Solid store: testable without the DOM.
 */
import { batch, createSignal, type Accessor } from "solid-js";
import { createStore } from "solid-js/store";
import {
  EXTENSION_SOURCE,
  PAGE_SOURCE,
  PROTOCOL,
  isTagged,
  panelCommand,
  parseExtensionNotice,
  type DevtoolsEvent,
  type Entry,
  type ExtensionNotice,
  type PageMessage,
  type PanelCommandBody,
  type ValueChange,
} from "../bridge/protocol.ts";
import { decodePageFrame } from "../bridge/page-frame.ts";
import type { SourceSite } from "../bridge/source-site.ts";
import type { Wall } from "../bridge/wall.ts";
import { SESSION_FORMAT, type Session } from "./session.ts";

/** A line the panel itself adds to the log, such as a page reload. */
export interface Marker {
  kind: "marker";
  seq: number;
  time: number;
  text: string;
}
export type LogItem = DevtoolsEvent | Marker;

export type RuntimeStatus =
  /** Waiting for the page to answer. */
  | "connecting"
  | "found"
  /** The page answered nothing: no instrumented runtime. */
  | "missing"
  /** A runtime of a router version we do not instrument. */
  | "unsupported"
  /** The page's runtime speaks another protocol version. */
  | "mismatch";

export interface PanelState {
  status: RuntimeStatus;
  routerVersion?: string;
  url?: string;
  /** Why the page and panel cannot talk, naming both protocol versions. */
  mismatch?: string;
  /** Events the runtime dropped before the panel got them. */
  dropped: number;
  /**
   * Invalid messages, counted and never acted on: the panel's own plus, in `byContentScript`, the page
   * messages the content script of the current document rejected before they could reach the panel.
   */
  rejected: { count: number; lastReason?: string; byContentScript: number };
  /** Page frames the content script passed on that never arrived (lost on the way), from its reports. */
  lost: number;
  preserveLog: boolean;
  paused: boolean;
  /** Showing an imported session: live messages are ignored and commands disabled. */
  readOnly: boolean;
}

export interface PanelStoreOptions {
  /** Log items kept in the panel. */
  maxLog?: number;
  /** How long to wait for a runtime before saying there is none. */
  missingAfterMs?: number;
  /**
   * Apply what arrives at most this often, all at once: one render for many batches in a busy
   * stream. Unset: each message is applied as it arrives (tests read the state right after).
   */
  coalesceMs?: number;
}

/** How long an export waits for the page's snapshot before saving what the panel has. */
const SNAPSHOT_WAIT_MS = 3_000;

export function createPanelStore(wall: Wall, options: PanelStoreOptions = {}) {
  const maxLog = options.maxLog ?? 10_000;
  const [state, setState] = createStore<PanelState>({
    status: "connecting",
    dropped: 0,
    rejected: { count: 0, byContentScript: 0 },
    lost: 0,
    preserveLog: false,
    paused: false,
    readOnly: false,
  });
  // The log and the entries live outside the deep store: 100,000 items behind proxies would make
  // every read slow, and each set would walk all 10,000 entry previews to unwrap them.
  const [log, setLog] = createSignal<readonly LogItem[]>([]);
  /**
   * By key; updated in place, so the signal notifies on every set. A Map: the queries view lists
   * them all on every update, which costs a 10,000-key object 70 times as much.
   */
  const [entries, setEntries] = createSignal<Map<string, Entry>>(new Map(), { equals: false });
  const replaceEntries = (list: readonly Entry[]) => {
    const byKey = new Map<string, Entry>();
    for (let i = 0; i < list.length; i++) byKey.set(list[i].key, list[i]);
    setEntries(byKey);
  };
  /** Source sites by id (see bridge/source-site.ts): ids are unique per dev server, so a preserved log still finds its own. */
  const [sites, setSites] = createSignal<ReadonlyMap<number, SourceSite>>(new Map());
  const addSites = (list: readonly SourceSite[] | undefined) => list?.length && setSites((known) => new Map([...known, ...list.map((site): [number, SourceSite] => [site.id, site])]));
  let markerSeq = 0;
  /** Invalid messages the panel itself received (state.rejected.count adds the content script's). */
  let ownRejected = 0;
  let missingTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The inspected document, as the content script names it: a `page-connected` naming the same one
   * is that page reconnecting after a service-worker restart, not a new page.
   */
  let documentId: string | undefined;
  /** Whether a page has connected yet: the first one is the page DevTools opened on, not a page load. */
  let seenPage = false;
  /** The marker that starts the current document's part of the log (earlier ones: preserved pages). */
  let documentMarker: number | undefined;
  /**
   * Frames relayed by the content script as of its last report (undefined: no report yet in this
   * document), and the frames that arrived since: the next report's count minus both is what was lost.
   */
  let relayedAtReport: number | undefined;
  let framesSinceReport = 0;

  const send = (command: PanelCommandBody) => {
    if (!state.readOnly) wall.send(panelCommand(command));
  };

  /** Keys whose values the page sends with their updates (see `watch`). */
  let watched: readonly string[] = [];
  /** Waiting for the next snapshot (see `exportSession`). */
  const snapshotWaiters: (() => void)[] = [];

  function expectRuntime() {
    clearTimeout(missingTimer);
    missingTimer = setTimeout(() => {
      if (state.status === "connecting") setState("status", "missing");
    }, options.missingAfterMs ?? 2_000);
  }

  function reject(reason: string) {
    ownRejected++;
    setState("rejected", (r) => ({ ...r, count: ownRejected + r.byContentScript, lastReason: reason }));
    noteMismatch(reason);
  }

  /** The content script's running count for this document replaces its previous report. */
  function onContentRejected(count: number, lastReason: string | undefined) {
    setState("rejected", (r) => ({ count: ownRejected + count, lastReason: lastReason ?? r.lastReason, byContentScript: count }));
    // In the extension a runtime of another protocol is rejected by the content script: this is how the panel learns.
    if (lastReason) noteMismatch(lastReason);
  }

  /**
   * A runtime of another protocol never gets a message through. Once one of ours has (the status
   * says what it said), a page script's forged message of another protocol is only a rejection.
   */
  function noteMismatch(reason: string) {
    const mismatch = /protocol mismatch: got (.+?), expected/.exec(reason);
    if (mismatch && state.status !== "found" && state.status !== "unsupported") {
      setState({ status: "mismatch", mismatch: `the page's runtime speaks protocol ${mismatch[1]}, this extension speaks ${PROTOCOL}` });
    }
  }

  function appendLog(items: LogItem[]) {
    if (state.paused || !items.length) return;
    const next = log().concat(items);
    setLog(next.length > maxLog ? next.slice(next.length - maxLog) : next);
  }

  const trim = (items: readonly LogItem[]) => (items.length > maxLog ? items.slice(items.length - maxLog) : items);

  /** Markers are the panel's own lines: shown even while paused. */
  function mark(text: string): number {
    const seq = --markerSeq;
    setLog(trim([...log(), { kind: "marker", seq, time: Date.now(), text }]));
    return seq;
  }

  /** Where the current document's items start in `items`: after its marker, if still there. */
  function documentStart(items: readonly LogItem[]): number {
    if (documentMarker === undefined) return 0;
    for (let i = items.length - 1; i >= 0; i--) if (items[i].seq === documentMarker) return i + 1;
    return 0;
  }

  /**
   * Adds a snapshot's history to the current document's log: the events the log lacks (recorded
   * before the panel opened, or sent while the service worker was down), in the page's own order.
   * Sequence numbers are per document, so only the current document's items count as known.
   */
  function mergeHistory(events: readonly DevtoolsEvent[]) {
    if (state.paused) return;
    const items = log();
    const start = documentStart(items);
    const known = new Set<number>();
    let last = 0;
    for (let i = start; i < items.length; i++) {
      const item = items[i];
      if (item.kind === "marker") continue;
      known.add(item.seq);
      last = Math.max(last, item.seq);
    }
    const fresh = events.filter((event) => !known.has(event.seq)).sort((a, b) => a.seq - b.seq);
    if (!fresh.length) return;
    if (fresh[0].seq > last) return appendLog(fresh);
    const merged: LogItem[] = items.slice(0, start);
    let next = 0;
    for (let i = start; i < items.length; i++) {
      const item = items[i];
      if (item.kind !== "marker") while (next < fresh.length && fresh[next].seq < item.seq) merged.push(fresh[next++]);
      merged.push(item);
    }
    while (next < fresh.length) merged.push(fresh[next++]);
    setLog(trim(merged));
  }

  function onPageMessage(message: PageMessage) {
    switch (message.kind) {
      case "hello":
        clearTimeout(missingTimer);
        setState({ status: message.instrumented ? "found" : "unsupported", routerVersion: message.routerVersion, url: message.url });
        return;
      case "snapshot":
        clearTimeout(missingTimer);
        batch(() => {
          setState({ status: message.instrumented ? "found" : "unsupported", routerVersion: message.routerVersion, url: message.url });
          // Replaced, not merged: entries the page no longer has must go.
          replaceEntries(message.entries);
          addSites(message.sites);
          mergeHistory(message.events);
          setState("dropped", message.dropped);
        });
        // The page forgets what was watched when it (re)connects, which a snapshot follows.
        if (watched.length) send({ kind: "watch", keys: [...watched] });
        snapshotWaiters.splice(0).forEach((done) => done());
        return;
      case "batch":
        batch(() => {
          const current = entries();
          for (const entry of message.entries) {
            // Args come once per connection (they never change): an update without them keeps these.
            const known = current.get(entry.key);
            current.set(entry.key, entry.args === undefined && known ? { ...entry, args: known.args } : entry);
          }
          for (const key of message.removed) current.delete(key);
          addSites(message.sites);
          setEntries(current);
          appendLog(message.events);
          if (message.dropped) setState("dropped", (d) => d + message.dropped);
        });
        return;
      case "value":
        valueListeners.forEach((listener) => listener(message));
        return;
      case "value-changes":
        setChanges((all) => new Map(all).set(message.key, message.changes));
        return;
      case "value-json":
      case "refused":
        editListeners.forEach((listener) => listener(message));
        return;
    }
  }

  function onNotice(notice: ExtensionNotice) {
    if (notice.kind === "rejected") return onContentRejected(notice.count, notice.lastReason);
    if (notice.kind === "page-connected") {
      // The same document after a service-worker restart: it keeps its entries and log, and the
      // snapshot the page sends next (asked for by the worker and by this panel) brings what was missed.
      if (notice.documentId !== undefined && notice.documentId === documentId) return;
      const first = !seenPage;
      seenPage = true;
      documentId = notice.documentId;
      batch(() => {
        setState({ status: "connecting", url: notice.url });
        replaceEntries([]);
        // A new document's content script reports its rejections afresh.
        setState("rejected", (r) => ({ ...r, count: ownRejected, byContentScript: 0 }));
        if (!state.preserveLog) setLog([]);
        // A marker separates pages; the page DevTools opened on needs none (its history predates it).
        documentMarker = first ? undefined : mark(`page loaded: ${notice.url}`);
      });
      expectRuntime();
    } else {
      // The worker saw the document go (unloaded, or into the back/forward cache): should it come
      // back, that is a page load again.
      documentId = undefined;
      mark("page unloaded");
    }
  }

  const valueListeners = new Set<(message: Extract<PageMessage, { kind: "value" }>) => void>();
  const editListeners = new Set<(message: EditAnswer) => void>();
  /** The latest value changes of the watched entries, by key (the page sends them only for those). */
  const [changes, setChanges] = createSignal<ReadonlyMap<string, readonly ValueChange[]>>(new Map());

  /** Valid messages waiting for the next apply (with `coalesceMs`), in arrival order. */
  let pending: (() => void)[] = [];
  let applyTimer: ReturnType<typeof setTimeout> | undefined;
  function applyPending() {
    applyTimer = undefined;
    const run = pending;
    pending = [];
    batch(() => run.forEach((apply) => state.readOnly || apply()));
  }
  function receive(apply: () => void) {
    if (options.coalesceMs === undefined) return apply();
    pending.push(apply);
    applyTimer ??= setTimeout(applyPending, options.coalesceMs);
  }

  /**
   * Counted as messages arrive, before any coalescing: frames and reports travel in one order. A new
   * document is seen here too, so that the frames of the one before are not counted against it.
   */
  function countRelayed(notice: ExtensionNotice) {
    if (notice.kind === "page-connected" && notice.documentId !== documentId) relayedAtReport = undefined;
    if (notice.kind !== "rejected" || notice.relayed === undefined) return;
    const lost = relayedAtReport === undefined ? 0 : notice.relayed - relayedAtReport - framesSinceReport;
    if (lost > 0) setState("lost", (n) => n + lost);
    relayedAtReport = notice.relayed;
    framesSinceReport = 0;
  }

  wall.listen((data) => {
    if (state.readOnly) return;
    if (isTagged(data, EXTENSION_SOURCE)) {
      const parsed = parseExtensionNotice(data);
      if (parsed.ok) countRelayed(parsed.message);
      return parsed.ok ? receive(() => onNotice(parsed.message)) : reject(parsed.reason);
    }
    framesSinceReport++;
    const parsed = decodePageFrame(data, maxLog);
    if (!parsed.ok) return reject(isTagged(data, PAGE_SOURCE) ? parsed.reason : `unknown sender: ${parsed.reason}`);
    receive(() => onPageMessage(parsed.message));
  });
  expectRuntime();

  return {
    state,
    /** The inspected page's cache entries by key. */
    entries: entries as Accessor<ReadonlyMap<string, Entry>>,
    log,
    sites,
    /** Opens a source site in the developer's editor (the page asks its dev server). */
    openInEditor: (site: number) => send({ kind: "open-in-editor", site }),
    revalidate: (keys?: string[]) => send({ kind: "revalidate", keys }),
    invalidate: (keys: string[]) => send({ kind: "invalidate", keys }),
    remove: (keys: string[]) => send({ kind: "delete", keys }),
    refresh: () => send({ kind: "get-snapshot" }),
    inspect: (key: string, path: (string | number)[]) => send({ kind: "inspect", key, path }),
    /** The entries whose values the panel shows: the page sends only those with each update. */
    watch: (keys: readonly string[]) => {
      if (keys.length === watched.length && keys.every((key, i) => key === watched[i])) return;
      watched = [...keys];
      // The page keeps changes only while watched: an entry watched again starts afresh.
      setChanges((all) => new Map([...all].filter(([key]) => keys.includes(key))));
      send({ kind: "watch", keys: [...keys] });
    },
    onValue: (listener: (message: Extract<PageMessage, { kind: "value" }>) => void) => {
      valueListeners.add(listener);
      return () => valueListeners.delete(listener);
    },
    /** A watched entry's latest value changes, newest last. */
    valueChanges: (key: string): readonly ValueChange[] => changes().get(key) ?? [],
    /** Asks for the entry's value as JSON (answered through `onEditAnswer`). */
    readJson: (key: string) => send({ kind: "read-json", key }),
    setValue: (key: string, path: (string | number)[], json: string) => send({ kind: "set-value", key, path, json }),
    simulate: (key: string, state: "pending" | "error") => send({ kind: "simulate", key, state }),
    restore: (key: string) => send({ kind: "restore", key }),
    /** The page's answers to `readJson` and its refusals of `setValue`, `simulate` and `restore`. */
    onEditAnswer: (listener: (message: EditAnswer) => void) => {
      editListeners.add(listener);
      return () => editListeners.delete(listener);
    },
    clearLog: () => {
      setLog([]);
      send({ kind: "clear-log" });
    },
    setPreserveLog: (on: boolean) => setState("preserveLog", on),
    /** Entries and log; from a live page, after a snapshot has brought every entry's value. */
    exportSession: async (): Promise<Session> => {
      if (!state.readOnly && state.status === "found") {
        await new Promise<void>((done) => {
          const timeout = setTimeout(done, SNAPSHOT_WAIT_MS);
          snapshotWaiters.push(() => (clearTimeout(timeout), done()));
          send({ kind: "get-snapshot" });
        });
      }
      return {
        format: SESSION_FORMAT,
        version: 1,
        exportedAt: Date.now(),
        url: state.url,
        routerVersion: state.routerVersion,
        entries: [...entries().values()],
        events: log().filter((item): item is DevtoolsEvent => item.kind !== "marker"),
        // As text: the file URL is a path on this machine, of no use elsewhere.
        sites: [...sites().values()].map(({ source: _source, ...site }) => site),
      };
    },
    importSession: (session: Session) =>
      batch(() => {
        // Live messages are not counted while read-only: the first report after it starts afresh.
        relayedAtReport = undefined;
        setState({ readOnly: true, url: session.url, routerVersion: session.routerVersion });
        replaceEntries(session.entries);
        setLog(session.events);
        setSites(new Map((session.sites ?? []).map((site) => [site.id, site])));
      }),
    /** Leaves an imported session and asks the page for its live state again. */
    backToLive: () => {
      batch(() => {
        setState({ readOnly: false });
        replaceEntries([]);
        setLog([]);
      });
      send({ kind: "get-snapshot" });
    },
    setPaused: (on: boolean) => setState("paused", on),
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
export type EditAnswer = Extract<PageMessage, { kind: "value-json" | "refused" }>;
