/*
 * The panel's state, fed by a Wall: entries of the inspected page's cache, the event log, and the
 * connection's health. It validates every incoming message (the page is untrusted), counts what
 * it rejects, and sends commands. Plain functions over a Solid store: testable without the DOM.
 */
import { batch } from "solid-js";
import { createStore, produce } from "solid-js/store";
import {
  EXTENSION_SOURCE,
  PAGE_SOURCE,
  PROTOCOL,
  isTagged,
  panelCommand,
  parseExtensionNotice,
  parsePageMessage,
  type DevtoolsEvent,
  type Entry,
  type ExtensionNotice,
  type PageMessage,
  type PanelCommandBody,
} from "../bridge/protocol.ts";
import type { Wall } from "../bridge/wall.ts";

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
  entries: Record<string, Entry>;
  log: LogItem[];
  /** Events the runtime dropped before the panel got them. */
  dropped: number;
  rejected: { count: number; lastReason?: string };
  preserveLog: boolean;
  paused: boolean;
}

export interface PanelStoreOptions {
  /** Log items kept in the panel. */
  maxLog?: number;
  /** How long to wait for a runtime before saying there is none. */
  missingAfterMs?: number;
}

export function createPanelStore(wall: Wall, options: PanelStoreOptions = {}) {
  const maxLog = options.maxLog ?? 10_000;
  const [state, setState] = createStore<PanelState>({
    status: "connecting",
    entries: {},
    log: [],
    dropped: 0,
    rejected: { count: 0 },
    preserveLog: false,
    paused: false,
  });
  let markerSeq = 0;
  let missingTimer: ReturnType<typeof setTimeout> | undefined;

  const send = (command: PanelCommandBody) => wall.send(panelCommand(command));

  function expectRuntime() {
    clearTimeout(missingTimer);
    missingTimer = setTimeout(() => {
      if (state.status === "connecting") setState("status", "missing");
    }, options.missingAfterMs ?? 2_000);
  }

  function reject(reason: string) {
    setState("rejected", (r) => ({ count: r.count + 1, lastReason: reason }));
    const mismatch = /protocol mismatch: got (\S+)/.exec(reason);
    if (mismatch) {
      setState({ status: "mismatch", mismatch: `the page's runtime speaks protocol ${mismatch[1]}, this extension speaks ${PROTOCOL}` });
    }
  }

  function appendLog(items: LogItem[]) {
    if (state.paused || !items.length) return;
    setState("log", (log) => {
      const next = log.concat(items);
      return next.length > maxLog ? next.slice(next.length - maxLog) : next;
    });
  }

  function mark(text: string) {
    appendLog([{ kind: "marker", seq: --markerSeq, time: Date.now(), text }]);
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
          setState("entries", Object.fromEntries(message.entries.map((entry) => [entry.key, entry])));
          if (!state.preserveLog) setState("log", []);
          const known = new Set(state.log.map((item) => item.seq));
          appendLog(message.events.filter((event) => !known.has(event.seq)));
          setState("dropped", message.dropped);
        });
        return;
      case "batch":
        batch(() => {
          setState(
            "entries",
            produce((entries) => {
              for (const entry of message.entries) entries[entry.key] = entry;
              for (const key of message.removed) delete entries[key];
            }),
          );
          appendLog(message.events);
          if (message.dropped) setState("dropped", (d) => d + message.dropped);
        });
        return;
      case "value":
        valueListeners.forEach((listener) => listener(message));
        return;
    }
  }

  function onNotice(notice: ExtensionNotice) {
    if (notice.kind === "page-connected") {
      batch(() => {
        setState({ status: "connecting", entries: {} });
        if (!state.preserveLog) setState("log", []);
        mark(`page loaded: ${notice.url}`);
      });
      expectRuntime();
    } else {
      mark("page unloaded");
    }
  }

  const valueListeners = new Set<(message: Extract<PageMessage, { kind: "value" }>) => void>();

  wall.listen((data) => {
    if (isTagged(data, EXTENSION_SOURCE)) {
      const parsed = parseExtensionNotice(data);
      return parsed.ok ? onNotice(parsed.message) : reject(parsed.reason);
    }
    const parsed = parsePageMessage(data);
    if (!parsed.ok) return reject(isTagged(data, PAGE_SOURCE) ? parsed.reason : `unknown sender: ${parsed.reason}`);
    onPageMessage(parsed.message);
  });
  expectRuntime();

  return {
    state,
    revalidate: (keys?: string[]) => send({ kind: "revalidate", keys }),
    invalidate: (keys: string[]) => send({ kind: "invalidate", keys }),
    remove: (keys: string[]) => send({ kind: "delete", keys }),
    refresh: () => send({ kind: "get-snapshot" }),
    inspect: (key: string, path: (string | number)[]) => send({ kind: "inspect", key, path }),
    onValue: (listener: (message: Extract<PageMessage, { kind: "value" }>) => void) => {
      valueListeners.add(listener);
      return () => valueListeners.delete(listener);
    },
    clearLog: () => {
      setState("log", []);
      send({ kind: "clear-log" });
    },
    setPreserveLog: (on: boolean) => setState("preserveLog", on),
    setPaused: (on: boolean) => setState("paused", on),
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
