/*
 * What the content script does, over any two walls so tests can drive it: relays page frames to
 * the service worker and panel commands to the page, validating both. A frame's envelope is
 * checked here, its body only in the panel: this code runs on the page's main thread. The page
 * side is shared with every other script of the page, so only messages tagged as ours count as
 * rejections; the port to the service worker carries nothing else, so anything invalid on it
 * counts. Page rejections are reported to the panel (a `rejected` notice), since those messages
 * never reach it, with the number of frames passed on, so the panel also counts any lost on the way.
 */
import {
  PAGE_SOURCE,
  extensionNotice,
  isTagged,
  panelCommand,
  parsePageFrame,
  parsePanelCommand,
  type Rejections,
} from "../bridge/protocol.ts";
import type { Wall } from "../bridge/wall.ts";

export interface ContentRelayOptions {
  /** Coalesces reports to the panel: at most one `rejected` notice per this many ms. */
  reportMs?: number;
  /** Called on every rejection, e.g. to log it. */
  onReject?: (side: "page" | "background", rejections: Rejections) => void;
}

export interface ContentRelay {
  /** Tagged page messages that failed validation: never forwarded. */
  readonly rejected: Readonly<Rejections>;
  /** Messages from the service worker that are not panel commands: never forwarded. */
  readonly rejectedCommands: Readonly<Rejections>;
  /** Whether a panel for this tab is open: replayed to a runtime that says hello later. */
  readonly panelConnected: boolean;
  dispose(): void;
}

export function createContentRelay(page: Wall, background: Wall, options: ContentRelayOptions = {}): ContentRelay {
  const rejected: Rejections = { count: 0 };
  const rejectedCommands: Rejections = { count: 0 };
  let panelConnected = false;
  /** Page frames passed on to the service worker in this document. */
  let relayed = 0;
  /** The counts the open panel last heard of (undefined: nothing yet). */
  let reported: { count: number; relayed: number } | undefined;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  function report() {
    clearTimeout(reportTimer);
    reportTimer = undefined;
    if (!panelConnected || (reported?.count === rejected.count && reported.relayed === relayed)) return;
    reported = { count: rejected.count, relayed };
    background.send(extensionNotice({ kind: "rejected", count: rejected.count, lastReason: rejected.lastReason, relayed }));
  }
  const scheduleReport = () => (reportTimer ??= setTimeout(report, options.reportMs ?? 250));

  const stopPage = page.listen((data) => {
    if (!isTagged(data, PAGE_SOURCE)) return;
    const parsed = parsePageFrame(data);
    if (!parsed.ok) {
      rejected.count++;
      rejected.lastReason = parsed.reason;
      options.onReject?.("page", rejected);
      if (panelConnected) scheduleReport();
      return;
    }
    if (parsed.message.kind === "hello" && panelConnected) page.send(panelCommand({ kind: "connect" }));
    background.send(parsed.message);
    relayed++;
    if (panelConnected) scheduleReport();
  });

  const stopBackground = background.listen((data) => {
    const parsed = parsePanelCommand(data);
    if (!parsed.ok) {
      rejectedCommands.count++;
      rejectedCommands.lastReason = parsed.reason;
      options.onReject?.("background", rejectedCommands);
      return;
    }
    if (parsed.message.kind === "connect") {
      panelConnected = true;
      // A newly opened (or reconnected) panel has heard of nothing yet: it counts frames from here.
      reported = undefined;
      report();
    }
    if (parsed.message.kind === "disconnect") panelConnected = false;
    page.send(parsed.message);
  });

  return {
    rejected,
    rejectedCommands,
    get panelConnected() {
      return panelConnected;
    },
    dispose() {
      stopPage();
      stopBackground();
      clearTimeout(reportTimer);
    },
  };
}
