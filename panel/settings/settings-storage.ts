/*
 * The places the panel's settings can live: the extension's storage.local (shared by every
 * DevTools window of the profile), a page's localStorage (the overlay, per origin), and memory.
 */
import { SETTINGS_KEY, type SettingsStorage } from "./settings.ts";

/** The part of `browser.storage.local` used here. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function extensionSettingsStorage(area: StorageArea): SettingsStorage {
  return {
    read: async () => (await area.get(SETTINGS_KEY))[SETTINGS_KEY],
    write: (value) => area.set({ [SETTINGS_KEY]: value }),
  };
}

/**
 * `storage` gives localStorage, which may throw (denied in private modes, full): then nothing is
 * remembered. `readNow`: the overlay opens its panel synchronously, and localStorage can answer so.
 */
export function localSettingsStorage(storage: () => Pick<Storage, "getItem" | "setItem"> | undefined): SettingsStorage & { readNow(): unknown } {
  const readNow = () => {
    try {
      return JSON.parse(storage()?.getItem(SETTINGS_KEY) ?? "null");
    } catch {
      return undefined;
    }
  };
  return {
    readNow,
    read: async () => readNow(),
    write: async (value) => storage()?.setItem(SETTINGS_KEY, JSON.stringify(value)),
  };
}

export function memorySettingsStorage(initial?: unknown): SettingsStorage & { stored: unknown } {
  const memory = {
    stored: initial,
    read: async () => memory.stored,
    write: async (value: unknown) => void (memory.stored = structuredClone(value)),
  };
  return memory;
}
