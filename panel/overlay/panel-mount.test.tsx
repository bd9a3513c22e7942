/*
 * The overlay's panel in a shadow root, over its own agent on the page's hook, beside another
 * panel (the extension's, here a second store over its own wall): both list the same entries and
 * both hear of later fetches. Its `/` key acts only on keys typed inside the shadow root.
 */
import { afterEach, expect, test } from "vitest";
import { panelCommand } from "../../bridge/protocol.ts";
import { createWallPair } from "../../bridge/wall.ts";
import { createAgent } from "../../runtime/agent.ts";
import { createPanelStore } from "../store.ts";
import { openTestPage, waitFor, type TestPage } from "../test-page.tsx";
import { defaultLayout } from "./layout.ts";
import { mountPanel } from "./panel-mount.tsx";

let page: TestPage | undefined;
let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
  page?.dispose();
});

function mountInShadow() {
  const host = document.createElement("div");
  document.body.append(host);
  const root = host.attachShadow({ mode: "open" });
  let layout = defaultLayout(true, "bottom");
  const unmount = mountPanel({ root, layout: () => layout, setLayout: (next) => (layout = next), close: () => {} });
  cleanups.push(() => {
    unmount();
    host.remove();
  });
  return root;
}

const rowKeys = (root: ShadowRoot) => [...root.querySelectorAll("[data-query-key]")].map((row) => row.getAttribute("data-query-key")).sort();

test("the overlay and another panel, each over its own agent, both stay current", async () => {
  page = await openTestPage();
  const [pageWall, panelWall] = createWallPair();
  const agent = createAgent(page.hook, pageWall, () => "memory://other");
  cleanups.push(() => agent.dispose());
  const other = createPanelStore(panelWall);
  panelWall.send(panelCommand({ kind: "connect" }));

  const root = mountInShadow();
  await waitFor(() => rowKeys(root).length > 0 && other.entries().size > 0);
  expect(rowKeys(root)).toEqual([...other.entries().keys()].sort());

  const key = rowKeys(root)[0]!;
  const fetches = () => other.entries().get(key)?.fetches ?? 0;
  const overlayFetches = () => root.querySelector(`[data-query-key='${key}'] [title="fetches"]`)?.textContent;
  const before = fetches();
  (root.querySelector(`[data-query-key='${key}'] [data-action="revalidate"]`) as HTMLButtonElement).click();
  await waitFor(() => fetches() === before + 1);
  // The overlay's own row shows it too.
  await waitFor(() => overlayFetches() === `${before + 1} ⇣`);
});

test("'/' focuses the filter for keys typed in the panel, not for keys typed in the app", async () => {
  page = await openTestPage();
  const root = mountInShadow();
  const filter = root.querySelector("input.filter") as HTMLInputElement;
  const slash = () => new KeyboardEvent("keydown", { key: "/", bubbles: true, composed: true, cancelable: true });

  const appButton = document.createElement("button");
  document.body.append(appButton);
  cleanups.push(() => appButton.remove());
  const fromApp = slash();
  appButton.dispatchEvent(fromApp);
  expect(fromApp.defaultPrevented).toBe(false);
  expect(root.activeElement).not.toBe(filter);

  const fromPanel = slash();
  root.querySelector("[data-view='queries']")!.dispatchEvent(fromPanel);
  expect(fromPanel.defaultPrevented).toBe(true);
  expect(root.activeElement).toBe(filter);
});
