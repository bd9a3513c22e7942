/*
 * A Wall over an extension runtime.Port that survives the port's death: when the service worker
 * is stopped or restarted the port disconnects, and the wall connects a new one and tells its
 * owner (who then asks for a fresh snapshot). Listeners stay registered across reconnects.
 */
import type { Runtime } from "webextension-polyfill";
import type { Wall } from "./wall.ts";

export interface ReconnectingWall extends Wall {
  /** Called after each reconnection, not the first connection. */
  onReconnect(listener: () => void): void;
}

export function createPortWall(connect: () => Runtime.Port, retryMs = 200): ReconnectingWall {
  const listeners = new Set<(message: unknown) => void>();
  const reconnected = new Set<() => void>();
  let port: Runtime.Port | undefined;

  function open(isReconnect: boolean) {
    try {
      port = connect();
    } catch {
      // The extension context is gone (extension reloaded): nothing left to talk to.
      port = undefined;
      return;
    }
    port.onMessage.addListener((message: unknown) => listeners.forEach((listener) => listener(message)));
    port.onDisconnect.addListener(() => {
      port = undefined;
      setTimeout(() => open(true), retryMs);
    });
    if (isReconnect) reconnected.forEach((listener) => listener());
  }
  open(false);

  return {
    send(message) {
      if (!port) open(true);
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
