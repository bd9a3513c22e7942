/*
 * A preserved log holds pages whose sequence numbers start again at 1: the timeline shows every
 * line of each page, none in place of another.
 */
import { cleanup, fireEvent, render } from "@solidjs/testing-library";
import { afterEach, expect, test } from "vitest";
import type { DevtoolsEvent } from "../../bridge/protocol.ts";
import { App } from "../App.tsx";
import { waitFor } from "../test-page.tsx";
import { storeHarness } from "../test-store.ts";

afterEach(cleanup);

test("lines of two pages with the same sequence numbers are all shown", async () => {
  const { store, pageConnected, pageDisconnected, snapshot } = storeHarness();
  render(() => <App store={store} theme="light" />);
  const created = (seq: number, key: string): DevtoolsEvent => ({ kind: "entry-created", seq, time: seq, key, query: key, intent: "initial" });
  const load = (documentId: string, events: DevtoolsEvent[]) => {
    pageConnected(`http://app.test/${documentId}`, documentId);
    snapshot([], events);
  };
  load("first", [created(1, "a[]"), created(2, "b[]")]);
  store.setPreserveLog(true);
  pageDisconnected();
  load("second", [created(1, "s[]"), created(2, "t[]")]);
  fireEvent.click(document.querySelector('[data-view="timeline"]')!);
  const shown = () => [...document.querySelectorAll('[data-kind="entry-created"] .key-link')].map((link) => link.textContent);
  await waitFor(() => shown().length === 4);
  expect(shown()).toEqual(["a[]", "b[]", "s[]", "t[]"]);
});
