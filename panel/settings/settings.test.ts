/*
 * Settings read back from storage: good fields kept, bad ones (wrong type, unknown value, out of
 * range, not JSON at all) at their defaults; changes written together, over each storage kind.
 */
import { expect, test } from "vitest";
import { createSettings, defaultSettings, loadSettings, parseSettings, SETTINGS_KEY, setting } from "./settings.ts";
import { extensionSettingsStorage, localSettingsStorage, memorySettingsStorage } from "./settings-storage.ts";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

test("defaults: the queries view, every kind but observers, no preserve log", () => {
  expect(defaultSettings()).toEqual({
    view: "queries",
    queries: { text: "", statuses: [], sort: "name" },
    timeline: { text: "", kinds: ["actions", "fetches", "revalidations", "entries"] },
    preserveLog: false,
    panes: { details: 40, waterfallLabels: 240 },
  });
});

test("each malformed field falls back alone; good ones are kept", () => {
  const parsed = parseSettings({
    view: "waterfall",
    queries: { text: 42, statuses: ["error", "bogus"], sort: "updated" },
    timeline: "not an object",
    preserveLog: "yes",
    panes: { details: 99, waterfallLabels: 300 },
    extra: { ignored: true },
  });
  expect(parsed).toEqual({ ...defaultSettings(), view: "waterfall", queries: { text: "", statuses: [], sort: "updated" }, panes: { details: 40, waterfallLabels: 300 } });
  for (const junk of [null, 7, "text", [], { view: "nope" }, { queries: null }]) expect(parseSettings(junk)).toEqual(defaultSettings());
  expect(parseSettings({ queries: { text: "x".repeat(5_000) } }).queries.text).toBe("");
});

test("changes in one task are written once, and read back by the next panel", async () => {
  const storage = memorySettingsStorage();
  const settings = await loadSettings(storage);
  let writes = 0;
  const write = storage.write;
  storage.write = (value) => (writes++, write(value));
  const [sort, setSort] = setting(settings, "queries", "sort");
  setSort("fetches");
  settings.set("view", "waterfall");
  settings.set("preserveLog", true);
  expect(sort()).toBe("fetches");
  await flush();
  expect(writes).toBe(1);
  const again = await loadSettings(storage);
  expect(again.state).toEqual({ ...defaultSettings(), view: "waterfall", preserveLog: true, queries: { text: "", statuses: [], sort: "fetches" } });
});

test("localStorage: not JSON, denied or full storage leave the panel at its defaults, working", async () => {
  const broken = { getItem: () => "{not json", setItem: () => {} };
  expect((await loadSettings(localSettingsStorage(() => broken))).state).toEqual(defaultSettings());
  const denied = {
    getItem: () => {
      throw new DOMException("denied", "SecurityError");
    },
    setItem: () => {
      throw new DOMException("full", "QuotaExceededError");
    },
  };
  const settings = await loadSettings(localSettingsStorage(() => denied));
  settings.set("view", "timeline");
  await flush();
  expect(settings.state.view).toBe("timeline");
  const items = new Map<string, string>();
  const local = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  (await loadSettings(localSettingsStorage(() => local))).set("view", "waterfall");
  await flush();
  expect(JSON.parse(items.get(SETTINGS_KEY)!).view).toBe("waterfall");
});

test("extension storage: one key in storage.local", async () => {
  const area = new Map<string, unknown>();
  const storage = extensionSettingsStorage({
    get: async (key) => (area.has(key) ? { [key]: area.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([key, value]) => area.set(key, structuredClone(value))),
  });
  const settings = await loadSettings(storage);
  expect(settings.state).toEqual(defaultSettings());
  settings.set("panes", { ...settings.state.panes, waterfallLabels: 320 });
  await flush();
  expect(area.get(SETTINGS_KEY)).toMatchObject({ panes: { waterfallLabels: 320 } });
  expect((await loadSettings(storage)).state.panes.waterfallLabels).toBe(320);
  // In memory only, without storage: works for the session.
  const session = createSettings();
  session.set("view", "timeline");
  expect(session.state.view).toBe("timeline");
});
