/*
 * The panel's view of site access: the inspected page's status, refreshed when the page navigates
 * and after each change, plus the enable/disable actions with their outcome. Plain signals over an
 * OriginAccess, so the notice is tested with a fake one.
 */
import { createSignal, onCleanup } from "solid-js";
import type { OriginStatus } from "../../bridge/origin-protocol.ts";
import type { OriginAccess } from "./origin-access.ts";

export function createOriginState(access: OriginAccess) {
  const [status, setStatus] = createSignal<OriginStatus>();
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  /** Only the latest check counts: a slow answer about the previous page must not win. */
  let check = 0;

  async function refresh() {
    const mine = ++check;
    try {
      const next = await access.status();
      if (mine === check) setStatus(next);
    } catch (failure) {
      if (mine === check) setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function act(run: () => Promise<string>) {
    setBusy(true);
    setError("");
    try {
      setError(await run());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
    await refresh();
  }

  onCleanup(access.onNavigated(() => void refresh()));
  void refresh();

  return {
    status,
    /** Why the last action or check failed; empty when it did not. */
    error,
    busy,
    canRequest: access.canRequest,
    enable: (site: string) => act(async () => {
      const result = await access.enable(site);
      return result.ok ? "" : result.reason;
    }),
    disable: () => act(async () => (await access.disable(), "")),
  };
}

export type OriginState = ReturnType<typeof createOriginState>;
