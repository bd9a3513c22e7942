/*
 * A runtime.Port stand-in for tests of the service worker's routing: records what is posted,
 * throws like Chrome on a disconnected port, and lets a test deliver messages or drop the other side.
 */
import type { RouterPort } from "./tab-router.ts";

/** `clone`: copy posted messages as a real port would (off for the fuzz, which checks them itself). */
export function fakePort(name: string, sender?: RouterPort["sender"], { clone = false } = {}) {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: false,
    postMessage(message: unknown) {
      if (port.disconnected) throw new Error("Attempting to use a disconnected port object");
      port.posted.push(clone ? structuredClone(message) : message);
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void onDisconnect.push(listener) },
    deliver: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    /** The other side went away. */
    drop() {
      port.disconnected = true;
      onDisconnect.forEach((listener) => listener());
    },
  };
  return port;
}
