/*
 * Settle detection for the workload without polling: each rendered query instance reports the
 * version it shows, and a phase waits until every instance of a group shows the wanted version.
 */
const shown = new Map<string, number>();
const waiters = new Map<string, { count: number; resolve: () => void }>();

export function report(group: string, version: number): void {
  const id = `${group}@${version}`;
  const count = (shown.get(id) ?? 0) + 1;
  shown.set(id, count);
  const waiter = waiters.get(id);
  if (waiter && count >= waiter.count) {
    waiters.delete(id);
    waiter.resolve();
  }
}

export function shownCount(group: string, version: number): number {
  return shown.get(`${group}@${version}`) ?? 0;
}

/** Resolves once `count` instances of `group` rendered `version` (at once if they already have). */
export function whenShown(group: string, version: number, count: number): Promise<void> {
  const id = `${group}@${version}`;
  if ((shown.get(id) ?? 0) >= count) return Promise.resolve();
  return new Promise((resolve) => waiters.set(id, { count, resolve }));
}
