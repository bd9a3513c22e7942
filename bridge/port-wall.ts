/*
 * A Wall over an extension runtime.Port that survives the port's death: when the service worker
 * is stopped or restarted the port disconnects, and the wall connects a new one by itself (which
 * wakes the worker again) and tells its owner (who then asks for a fresh snapshot). Listeners stay
 * registered across reconnects. Also the port names the service worker routes by.
 */
import type { Wall } from "./wall.ts";

/** The part of a runtime.Port the wall uses (webextension-polyfill's Runtime.Port and chrome's fit). */
export interface WallPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: (port: never) => void): void };
}

export interface ReconnectingWall extends Wall {
  /** Called after each reconnection, not the first connection. */
  onReconnect(listener: () => void): void;
}

export interface PortWallOptions {
  /** Delay before reconnecting a port that lived a while (a worker restart). */
  retryMs?: number;
  /** Ports that die sooner than this after connecting back off: 2×, 4×… up to `maxRetryMs`. */
  healthyMs?: number;
  maxRetryMs?: number;
}

export function createPortWall(connect: () => WallPort, options: PortWallOptions | number = {}): ReconnectingWall {
  const { retryMs = 200, healthyMs = 1_000, maxRetryMs = 10_000 } = typeof options === "number" ? { retryMs: options } : options;
  const listeners = new Set<(message: unknown) => void>();
  const reconnected = new Set<() => void>();
  let port: WallPort | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = retryMs;
  /** Set once connecting throws: the extension context is gone (extension reloaded or removed). */
  let dead = false;

  function open(isReconnect: boolean) {
    clearTimeout(retry);
    retry = undefined;
    let current: WallPort;
    try {
      current = connect();
    } catch {
      dead = true;
      port = undefined;
      return;
    }
    port = current;
    const openedAt = Date.now();
    current.onMessage.addListener((message: unknown) => {
      if (port === current) listeners.forEach((listener) => listener(message));
    });
    current.onDisconnect.addListener(() => {
      // Chrome reports why in lastError; reading it keeps the console free of "unchecked" errors.
      void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError;
      if (port !== current) return;
      port = undefined;
      // A worker restart reconnects quickly; a port refused over and over backs off.
      delay = Date.now() - openedAt >= healthyMs ? retryMs : Math.min(delay * 2, maxRetryMs);
      retry = setTimeout(() => open(true), delay);
    });
    if (isReconnect) reconnected.forEach((listener) => listener());
  }
  open(false);

  return {
    send(message) {
      // Disconnected and waiting to retry after a healthy port: reconnect now rather than lose the
      // message. A port refused over and over waits for its backoff instead.
      if (!port && !dead && delay === retryMs) open(true);
      try {
        port?.postMessage(message);
      } catch {
        // Disconnected between checks: the reconnect handler asks for a fresh state.
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnect(listener) {
      reconnected.add(listener);
    },
  };
}

/*
 * Port names. A content script names its port after its document (a random id per document), so
 * the panel can tell a new page (a reload or navigation) from the same page reconnecting after a
 * service-worker restart, without the worker having to remember anything. A panel names its port
 * after the tab it inspects.
 */
export const CONTENT_PORT = "content";
export const PANEL_PORT_PREFIX = "panel:";

/** A random id for this document's content script (no secure context needed, unlike randomUUID). */
export function newDocumentId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export const contentPortName = (documentId: string) => `${CONTENT_PORT}:${documentId}`;
export const panelPortName = (tabId: number) => `${PANEL_PORT_PREFIX}${tabId}`;

/** What a port name says: a content script (and its document id, if it gave one) or a panel's tab. */
export function parsePortName(name: string): { kind: "content"; documentId?: string } | { kind: "panel"; tabId: number } | undefined {
  if (name === CONTENT_PORT) return { kind: "content" };
  if (name.startsWith(`${CONTENT_PORT}:`)) {
    const documentId = name.slice(CONTENT_PORT.length + 1);
    return /^[0-9a-f]{1,64}$/.test(documentId) ? { kind: "content", documentId } : undefined;
  }
  if (name.startsWith(PANEL_PORT_PREFIX)) {
    const tabId = Number(name.slice(PANEL_PORT_PREFIX.length));
    return Number.isInteger(tabId) ? { kind: "panel", tabId } : undefined;
  }
  return undefined;
}
