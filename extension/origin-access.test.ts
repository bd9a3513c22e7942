/*
 * Site access end to end over a fake browser: the panel's implementation (a click asking for the
 * inspected site) talking to the service worker's (registrations following the grants), as they
 * are wired in the extension, without the browser's prompt, which no test can answer.
 */
import { expect, test, vi } from "vitest";
import { createExtensionOriginAccess } from "../panel/origin/origin-access.ts";
import { fakeSiteAccess } from "./fake-site-access.ts";
import { covers, createOriginAccess, siteOf, type SiteScript } from "./origin-access.ts";

const LOCAL = ["*://localhost/*", "*://127.0.0.1/*", "*://[::1]/*"];
/** The manifest as the build writes it: crxjs names the content script's file. */
const MANIFEST_SCRIPTS = [{ matches: LOCAL, js: ["extension/content.iife.js"] }];

/** A service worker and a panel inspecting `url`, over one fake browser (`browser`: shared across restarts). */
function extension(url: string, browser = fakeSiteAccess(LOCAL)) {
  const worker = createOriginAccess(browser, MANIFEST_SCRIPTS);
  // As background.ts wires it.
  browser.permissions.onAdded.addListener(() => void worker.sync());
  browser.permissions.onRemoved.addListener(() => void worker.sync());
  const page = { url, reloads: 0 };
  const panel = createExtensionOriginAccess({
    // As Chrome answers through webextension-polyfill when nothing was thrown: the result alone.
    inspectedWindow: { eval: async () => page.url, reload: () => void page.reloads++ },
    network: { onNavigated: { addListener: () => {}, removeListener: () => {} } },
    runtime: { sendMessage: async (message) => worker.handle(structuredClone(message)) },
    permissions: browser.permissions,
  });
  return { browser, worker, panel, page };
}

// A site is a scheme and host without port (Firefox takes no ports; dev servers move); only http(s) pages have one.
test("sites of URLs", () => {
  expect(siteOf("http://192.168.1.20:5173/projects?x=1")).toEqual({ ok: true, site: "http://192.168.1.20/*", host: "192.168.1.20" });
  expect(siteOf("https://preview-42.example.dev/")).toMatchObject({ site: "https://preview-42.example.dev/*" });
  expect(siteOf("http://[::1]:3000/")).toMatchObject({ site: "http://[::1]/*" });
  expect(siteOf("chrome://extensions/")).toEqual({ ok: false, scheme: "chrome" });
  expect(siteOf("file:///home/me/index.html")).toEqual({ ok: false, scheme: "file" });
  expect(siteOf("about:blank")).toEqual({ ok: false, scheme: "about" });
  expect(siteOf("not a url")).toEqual({ ok: false, scheme: "unknown" });
  expect(covers("*://localhost/*", "https://localhost/*")).toBe(true);
  expect(covers("http://*.example.dev/*", "http://a.example.dev/*")).toBe(true);
  expect(covers("http://*.example.dev/*", "http://example.dev/*")).toBe(true);
  expect(covers("http://*.example.dev/*", "http://badexample.dev/*")).toBe(false);
  expect(covers("https://devbox.test/*", "http://devbox.test/*")).toBe(false);
});

// Local dev origins are on from install, any port, both schemes; other sites are off; other pages have none.
test("status of local, other and non-web pages", async () => {
  for (const url of ["http://localhost:5173/", "https://127.0.0.1:8443/a", "http://[::1]:3000/"]) {
    expect(await extension(url).panel.status()).toMatchObject({ kind: "default" });
  }
  expect(await extension("http://devbox.test:5301/").panel.status()).toEqual({ kind: "off", site: "http://devbox.test/*" });
  expect(await extension("chrome://extensions/").panel.status()).toEqual({ kind: "unsupported", scheme: "chrome" });
  expect(await extension("file:///tmp/a.html").panel.status()).toEqual({ kind: "unsupported", scheme: "file" });
});

// One click asks for that site alone; once granted the content script is registered for it, as the
// manifest declares it, and the page reloads so the relay listens before the page's runtime starts.
test("enabling a site registers the content script and reloads the page", async () => {
  const { browser, panel, page } = extension("http://devbox.test:5301/projects");
  expect(await panel.enable("http://devbox.test/*")).toEqual({ ok: true });
  expect(browser.prompts).toBe(1);
  expect([...browser.granted]).toContain("http://devbox.test/*");
  expect([...browser.registered.values()]).toEqual<SiteScript[]>([
    {
      id: "site:http://devbox.test/*",
      matches: ["http://devbox.test/*"],
      excludeMatches: LOCAL,
      js: ["extension/content.iife.js"],
      runAt: "document_start",
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
  expect(page.reloads).toBe(1);
  expect(await panel.status()).toEqual({ kind: "granted", site: "http://devbox.test/*", revocable: true });
});

// The user dismisses the prompt: the panel says so, and nothing is granted, registered or reloaded.
test("a refused request changes nothing", async () => {
  const { browser, panel, page } = extension("http://192.168.1.20:5173/");
  browser.answer = false;
  const result = await panel.enable("http://192.168.1.20/*");
  expect(result).toEqual({ ok: false, reason: "Access to 192.168.1.20 was not granted, so nothing changed." });
  expect(browser.registered.size).toBe(0);
  expect(page.reloads).toBe(0);
  expect(await panel.status()).toMatchObject({ kind: "off" });
});

// A request the browser itself refuses (no user gesture, say) is reported with its reason.
test("a request that throws is reported", async () => {
  const { browser, panel } = extension("http://devbox.test/");
  vi.spyOn(browser.permissions, "request").mockRejectedValueOnce(new Error("This function must be called during a user gesture"));
  expect(await panel.enable("http://devbox.test/*")).toEqual({
    ok: false,
    reason: "The browser refused to ask for devbox.test: This function must be called during a user gesture",
  });
  expect(browser.registered.size).toBe(0);
});

// "Disable on this origin" removes the permission and the registration, and reloads the page.
test("disabling a site unregisters it", async () => {
  const { browser, panel, page } = extension("http://devbox.test:5301/");
  await panel.enable("http://devbox.test/*");
  expect(await panel.disable()).toEqual({ kind: "off", site: "http://devbox.test/*" });
  expect([...browser.granted]).toEqual(LOCAL);
  expect(browser.registered.size).toBe(0);
  expect(page.reloads).toBe(2);
});

// Local origins and non-web pages have nothing to disable: the manifest's grants stay.
test("disable leaves local origins and non-web pages alone", async () => {
  for (const url of ["http://localhost:5173/", "chrome://newtab/"]) {
    const { browser, panel } = extension(url);
    const remove = vi.spyOn(browser.permissions, "remove");
    await panel.disable();
    expect(remove).not.toHaveBeenCalled();
    expect([...browser.granted]).toEqual(LOCAL);
  }
});

// At start the worker makes registrations match the grants: a site revoked in the browser's
// settings while it slept goes, a site granted there comes, one from an older build is renewed.
test("startup re-sync", async () => {
  const browser = fakeSiteAccess(LOCAL);
  const before = extension("http://a.test/", browser);
  await before.panel.enable("http://a.test/*");
  await before.panel.enable("http://b.test/*");
  browser.granted.delete("http://a.test/*");
  browser.granted.add("https://c.test/*");
  browser.registered.set("site:http://b.test/*", { ...browser.registered.get("site:http://b.test/*")!, js: ["assets/content-OLD.js"] });
  const after = createOriginAccess(browser, MANIFEST_SCRIPTS);
  await after.sync();
  expect([...browser.registered.keys()].sort()).toEqual(["site:http://b.test/*", "site:https://c.test/*"]);
  expect(browser.registered.get("site:http://b.test/*")?.js).toEqual(["extension/content.iife.js"]);
  await after.sync();
  expect(browser.registered.size).toBe(2);
});

// A grant of every site (from the browser's settings) runs the script everywhere but where the
// manifest's does; the panel calls the site enabled, with nothing of its own to revoke.
test("a wider grant", async () => {
  const { browser, panel } = extension("http://devbox.test/");
  browser.granted.add("*://*/*");
  expect(await panel.status()).toEqual({ kind: "granted", site: "http://devbox.test/*", revocable: false });
  expect(browser.registered.get("site:*://*/*")).toMatchObject({ matches: ["*://*/*"], excludeMatches: LOCAL });
});

// The worker answers only valid origin requests; other messages are not its to answer.
test("only origin requests are answered", async () => {
  const { worker } = extension("http://devbox.test/");
  expect(worker.handle({ kind: "status", url: "http://x.test/" })).toBeUndefined();
  expect(worker.handle({ source: "solid-query-devtools:origin", kind: "grant", url: "http://x.test/" })).toBeUndefined();
  expect(worker.handle("status")).toBeUndefined();
  await expect(worker.handle({ source: "solid-query-devtools:origin", kind: "status", url: "http://x.test/" })).resolves.toMatchObject({ kind: "off" });
});
