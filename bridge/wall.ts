/*
 * A Wall is one side of a message channel: postMessage, an extension port, or memory. The runtime
 * agent and the panel speak through a Wall only, so the same code runs in the page, in the
 * extension and in tests (the React DevTools bridge pattern).
 */
export interface Wall {
  send(message: unknown): void;
  listen(listener: (message: unknown) => void): () => void;
}

/**
 * Two connected in-process walls. Delivery is asynchronous and structured-cloned, as over a
 * real channel, so tests cannot depend on shared references or synchronous replies.
 */
export function createWallPair(): [Wall, Wall] {
  const listeners: [Set<(message: unknown) => void>, Set<(message: unknown) => void>] = [new Set(), new Set()];
  const side = (own: 0 | 1): Wall => ({
    send(message) {
      const copy = structuredClone(message);
      queueMicrotask(() => listeners[1 - own].forEach((listener) => listener(copy)));
    },
    listen(listener) {
      listeners[own].add(listener);
      return () => listeners[own].delete(listener);
    },
  });
  return [side(0), side(1)];
}
