/*
 * A browser's permissions and scripting APIs for tests of site access, as Chrome behaves (checked
 * in Chromium 156): the manifest's content-script origins are granted and cannot be removed, a
 * request is answered by the test (the user's click on the prompt), registering an existing id or
 * unregistering an unknown one throws, and registrations survive a service-worker restart (a new
 * createOriginAccess over the same fake). Grants and revocations call onAdded/onRemoved listeners.
 */
import type { SiteScript } from "./origin-access.ts";

export function fakeSiteAccess(required: readonly string[]) {
  const granted = new Set(required);
  const registered = new Map<string, SiteScript>();
  const added: (() => void)[] = [];
  const removed: (() => void)[] = [];
  const browser = {
    /** What the user answers to the next prompt. */
    answer: true,
    prompts: 0,
    granted,
    registered,
    permissions: {
      getAll: async () => ({ origins: [...granted], permissions: ["scripting"] }),
      async request({ origins }: { origins: string[] }) {
        browser.prompts++;
        if (!browser.answer) return false;
        origins.forEach((origin) => granted.add(origin));
        added.forEach((listener) => listener());
        return true;
      },
      async remove({ origins }: { origins: string[] }) {
        if (origins.some((origin) => required.includes(origin))) throw new Error("You cannot remove required permissions.");
        const had = origins.every((origin) => granted.delete(origin));
        removed.forEach((listener) => listener());
        return had;
      },
      onAdded: { addListener: (listener: () => void) => void added.push(listener) },
      onRemoved: { addListener: (listener: () => void) => void removed.push(listener) },
    },
    scripting: {
      getRegisteredContentScripts: async () => [...registered.values()].map((script) => structuredClone(script)),
      async registerContentScripts(scripts: SiteScript[]) {
        for (const script of scripts) if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        for (const script of scripts) registered.set(script.id, structuredClone(script));
      },
      async unregisterContentScripts({ ids }: { ids: string[] }) {
        for (const id of ids) if (!registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        ids.forEach((id) => registered.delete(id));
      },
    },
  };
  return browser;
}
