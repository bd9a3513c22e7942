/*
 * A Wall over window.postMessage between the page and the content script of the same window.
 * Only messages from this very window are heard: other frames and windows cannot speak for it.
 */
import type { Wall } from "./wall.ts";

export function createWindowWall(target: Window = window): Wall {
  return {
    send(message) {
      target.postMessage(message, "*");
    },
    listen(listener) {
      const onMessage = (event: MessageEvent) => {
        if (event.source === target) listener(event.data);
      };
      target.addEventListener("message", onMessage);
      return () => target.removeEventListener("message", onMessage);
    },
  };
}
