/*
 * What the content script does, over any two walls so tests can drive it: relays page frames to
 * the service worker and panel commands to the page, validating both. A frame's envelope is
 * checked here, its body only in the panel: this code runs on the page's main thread. The page
 * side is shared with every other script of the page, so only messages tagged as ours count as
 * rejections; the port to the service worker carries nothing else, so anything invalid on it
 * counts. Page rejections are reported to the panel (a `rejected` notice), since those messages
 * never reach it.
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
  /** The count the open panel last heard of. */
  let reported = 0;
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  function report() {
    reportTimer = undefined;
    if (!panelConnected || rejected.count === reported) return;
    reported = rejected.count;
    background.send(extensionNotice({ kind: "rejected", count: rejected.count, lastReason: rejected.lastReason }));
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
      // A newly opened panel has heard of nothing yet.
      reported = 0;
      if (rejected.count) scheduleReport();
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
