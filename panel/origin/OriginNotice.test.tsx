/*
 * The panel's "nothing found" notice by site access, over a fake OriginAccess: not enabled here
 * (the button, or how to allow it where the panel cannot ask), enabled by the user (the way back),
 * a local origin and no site access at all (the plugin instructions), a page that is no web page.
 */
import { cleanup, fireEvent, render } from "@solidjs/testing-library";
import { afterEach, expect, test, vi } from "vitest";
import type { OriginStatus } from "../../bridge/origin-protocol.ts";
import { App } from "../App.tsx";
import { waitFor } from "../test-page.tsx";
import { storeHarness } from "../test-store.ts";
import type { EnableResult, OriginAccess } from "./origin-access.ts";

afterEach(cleanup);

function fakeAccess(initial: OriginStatus, { canRequest = true, enabled = { ok: true } as EnableResult } = {}) {
  let status = initial;
  const navigated = new Set<() => void>();
  const access = {
    canRequest,
    status: vi.fn(async () => status),
    enable: vi.fn(async () => enabled),
    disable: vi.fn(async () => (status = { kind: "off", site: "site" in status ? status.site : "" })),
    onNavigated: (listener: () => void) => (navigated.add(listener), () => void navigated.delete(listener)),
  } satisfies OriginAccess;
  const navigate = (next: OriginStatus) => {
    status = next;
    navigated.forEach((listener) => listener());
  };
  return { access, navigate };
}

/** The panel with no runtime found on the inspected page. */
async function missing(origin?: OriginAccess) {
  const { store } = storeHarness({ missingAfterMs: 1 });
  render(() => <App store={store} theme="light" origin={origin} />);
  await waitFor(() => store.state.status === "missing");
}

const notice = () => document.querySelector("[data-notice]")?.getAttribute("data-notice");
const $ = (selector: string) => document.querySelector<HTMLElement>(selector);

test("a site the extension does not run on: one button asks for it", async () => {
  const { access } = fakeAccess({ kind: "off", site: "http://devbox.test/*" }, { enabled: { ok: false, reason: "Access to devbox.test was not granted, so nothing changed." } });
  await missing(access);
  await waitFor(() => notice() === "origin-off");
  expect($("[data-notice=origin-off] h2")?.textContent).toBe("Not enabled on devbox.test");
  const button = $("[data-action=enable-origin]")!;
  expect(button.textContent).toBe("Enable on devbox.test");
  fireEvent.click(button);
  expect(access.enable).toHaveBeenCalledWith("http://devbox.test/*");
  await waitFor(() => $("[data-origin-error]") !== null);
  expect($("[data-origin-error]")?.textContent).toBe("Access to devbox.test was not granted, so nothing changed.");
  expect($("[data-notice=missing]")).toBeNull();
});

test("where the panel cannot ask (Firefox), it says how to allow the site", async () => {
  await missing(fakeAccess({ kind: "off", site: "http://192.168.1.20/*" }, { canRequest: false }).access);
  await waitFor(() => notice() === "origin-off");
  expect($("[data-action=enable-origin]")).toBeNull();
  expect($("[data-origin-help=manual]")?.textContent).toContain("allow the extension on 192.168.1.20");
});

test("a site the user enabled: the plugin instructions, and the way back in the toolbar", async () => {
  const { access } = fakeAccess({ kind: "granted", site: "http://devbox.test/*", revocable: true });
  await missing(access);
  await waitFor(() => $("[data-origin=granted]") !== null);
  expect(notice()).toBe("missing");
  expect($("[data-origin=granted]")?.textContent).toContain("Enabled on devbox.test by you");
  fireEvent.click($("[data-action=disable-origin]")!);
  expect(access.disable).toHaveBeenCalled();
  await waitFor(() => notice() === "origin-off");
  expect($("[data-origin=granted]")).toBeNull();
});

test("a wider grant has no button of ours to undo it", async () => {
  await missing(fakeAccess({ kind: "granted", site: "http://devbox.test/*", revocable: false }).access);
  await waitFor(() => $("[data-origin=granted]") !== null);
  expect($("[data-action=disable-origin]")).toBeNull();
});

test("a local origin, or no site access at all: the plugin instructions", async () => {
  await missing(fakeAccess({ kind: "default", site: "http://localhost/*" }).access);
  await new Promise((r) => setTimeout(r, 10));
  expect(notice()).toBe("missing");
  expect($("[data-action=enable-origin]")).toBeNull();
  cleanup();
  await missing();
  expect(notice()).toBe("missing");
  expect($("[data-origin=granted]")).toBeNull();
});

test("a page that is no web page gets a plain word, no button; navigating re-checks", async () => {
  const { access, navigate } = fakeAccess({ kind: "unsupported", scheme: "chrome" });
  await missing(access);
  await waitFor(() => notice() === "unsupported-page");
  expect($("[data-notice=unsupported-page]")?.textContent).toContain("this is a chrome: page");
  expect($("button[data-action=enable-origin]")).toBeNull();
  navigate({ kind: "off", site: "https://preview.example.dev/*" });
  await waitFor(() => notice() === "origin-off");
});
