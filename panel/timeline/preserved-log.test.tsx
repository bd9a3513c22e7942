/*
 * A preserved log holds pages whose sequence numbers start again at 1: the timeline shows every
 * line of each page, none in place of another.
 */
import { cleanup, fireEvent, render } from "@solidjs/testing-library";
import { afterEach, expect, test } from "vitest";
import { extensionNotice, pageFrame, pageMessage, type DevtoolsEvent } from "../../bridge/protocol.ts";
import type { Wall } from "../../bridge/wall.ts";
import { App } from "../App.tsx";
import { createPanelStore } from "../store.ts";
import { waitFor } from "../test-page.tsx";

afterEach(cleanup);

test("lines of two pages with the same sequence numbers are all shown", async () => {
  const listeners = new Set<(message: unknown) => void>();
  const wall: Wall = { send() {}, listen: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const deliver = (message: unknown) => listeners.forEach((listener) => listener(structuredClone(message)));
  const store = createPanelStore(wall);
  render(() => <App store={store} theme="light" />);
  const created = (seq: number, key: string): DevtoolsEvent => ({ kind: "entry-created", seq, time: seq, key, query: key, intent: "initial" });
  const load = (documentId: string, events: DevtoolsEvent[]) => {
    deliver(extensionNotice({ kind: "page-connected", url: `http://app.test/${documentId}`, documentId }));
    deliver(pageFrame(pageMessage({ kind: "snapshot", routerVersion: "1.0.0", instrumented: true, url: "http://app.test/", entries: [], events, dropped: 0 })));
  };
  load("first", [created(1, "a[]"), created(2, "b[]")]);
  store.setPreserveLog(true);
  deliver(extensionNotice({ kind: "page-disconnected" }));
  load("second", [created(1, "s[]"), created(2, "t[]")]);
  fireEvent.click(document.querySelector('[data-view="timeline"]')!);
  const shown = () => [...document.querySelectorAll('[data-kind="entry-created"] .key-link')].map((link) => link.textContent);
  await waitFor(() => shown().length === 4);
  expect(shown()).toEqual(["a[]", "b[]", "s[]", "t[]"]);
});
