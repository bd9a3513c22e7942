/*
 * What the service worker does, over port-like objects so tests can drive it: routes between each
 * tab's content script and the devtools panel that inspects that tab. Routing is by the sender's
 * real tab id (content) and the panel's inspected tab id (from its port name), so a page only
 * reaches its own devtools and a panel only commands its own tab. Both ports are ours alone, so
 * every invalid message on them is counted as a rejection and never forwarded.
 */
import {
  EXTENSION_SOURCE,
  extensionNotice,
  isTagged,
  panelCommand,
  parseExtensionNotice,
  parsePageFrame,
  parsePanelCommand,
  type Parsed,
  type Rejections,
} from "../bridge/protocol.ts";
import { parsePortName } from "../bridge/port-wall.ts";

/** The part of a runtime.Port the router uses (webextension-polyfill's Runtime.Port fits). */
export interface RouterPort {
  readonly name: string;
  readonly sender?: { tab?: { id?: number }; frameId?: number; url?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface TabRouterOptions {
  /** Called on every rejection, e.g. to log it. */
  onReject?: (from: "content" | "panel", rejections: Rejections) => void;
}

export interface TabRouter {
  /** Hand every port of runtime.onConnect here. */
  connect(port: RouterPort): void;
  /** Messages from content scripts that are neither page messages nor `rejected` notices. */
  readonly rejectedFromContent: Readonly<Rejections>;
  /** Messages from panels that are not panel commands. */
  readonly rejectedFromPanel: Readonly<Rejections>;
}


export function createTabRouter(options: TabRouterOptions = {}): TabRouter {
  const contents = new Map<number, RouterPort>();
  const panels = new Map<number, RouterPort>();
  const rejectedFromContent: Rejections = { count: 0 };
  const rejectedFromPanel: Rejections = { count: 0 };

  /** A port may die between our bookkeeping and the post: its onDisconnect cleans up. */
  function post(port: RouterPort | undefined, message: unknown) {
    try {
      port?.postMessage(message);
    } catch {
      // Disconnected: nothing to deliver to.
    }
  }

  function reject(from: "content" | "panel", reason: string) {
    const rejections = from === "content" ? rejectedFromContent : rejectedFromPanel;
    rejections.count++;
    rejections.lastReason = reason;
    options.onReject?.(from, rejections);
  }

  /** A content script sends page frames (envelopes checked; the panel reads the bodies), and `rejected` notices about those it dropped. */
  function parseFromContent(data: unknown): Parsed<unknown> {
    if (!isTagged(data, EXTENSION_SOURCE)) return parsePageFrame(data);
    const notice = parseExtensionNotice(data);
    if (!notice.ok || notice.message.kind === "rejected") return notice;
    return { ok: false, reason: `kind: a content script may not send ${notice.message.kind}` };
  }

  /** Names the content script's document, so a panel tells a new page from the same one reconnecting. */
  function pageConnected(content: RouterPort) {
    const name = parsePortName(content.name);
    const documentId = name?.kind === "content" ? name.documentId : undefined;
    return extensionNotice({ kind: "page-connected", url: content.sender?.url ?? "", ...(documentId ? { documentId } : {}) });
  }

  function connectContent(port: RouterPort) {
    const tabId = port.sender?.tab?.id;
    // Only top frames of real tabs: other frames would otherwise speak for the page.
    if (tabId === undefined || port.sender?.frameId !== 0) return port.disconnect();
    contents.set(tabId, port);
    const panel = panels.get(tabId);
    if (panel) {
      post(panel, pageConnected(port));
      post(port, panelCommand({ kind: "connect" }));
    }
    port.onMessage.addListener((data: unknown) => {
      const parsed = parseFromContent(data);
      if (parsed.ok) post(panels.get(tabId), parsed.message);
      else reject("content", parsed.reason);
    });
    port.onDisconnect.addListener(() => {
      if (contents.get(tabId) !== port) return;
      contents.delete(tabId);
      post(panels.get(tabId), extensionNotice({ kind: "page-disconnected" }));
    });
  }

  function connectPanel(port: RouterPort, tabId: number) {
    if (!Number.isInteger(tabId)) return port.disconnect();
    panels.set(tabId, port);
    const content = contents.get(tabId);
    if (content) {
      post(port, pageConnected(content));
      post(content, panelCommand({ kind: "connect" }));
    }
    port.onMessage.addListener((data: unknown) => {
      const parsed = parsePanelCommand(data);
      if (parsed.ok) post(contents.get(tabId), parsed.message);
      else reject("panel", parsed.reason);
    });
    port.onDisconnect.addListener(() => {
      if (panels.get(tabId) !== port) return;
      panels.delete(tabId);
      post(contents.get(tabId), panelCommand({ kind: "disconnect" }));
    });
  }

  return {
    connect(port) {
      const name = parsePortName(port.name);
      if (name?.kind === "content") return connectContent(port);
      if (name?.kind === "panel") return connectPanel(port, name.tabId);
      port.disconnect();
    },
    rejectedFromContent,
    rejectedFromPanel,
  };
}
