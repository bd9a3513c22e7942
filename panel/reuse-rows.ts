/*
 * Row objects kept across rebuilds: a view rebuilds every row from the log on each redraw, and a
 * row that stands for the same thing with nothing changed is given back as the object built last
 * time, so a keyed list re-renders only the rows that did change.
 */
export function reuseRows<T>(identity: (row: T) => object, same: (before: T, now: T) => boolean): (row: T) => T {
  const lastBuilt = new WeakMap<object, T>();
  return (row) => {
    const id = identity(row);
    const before = lastBuilt.get(id);
    if (before !== undefined && same(before, row)) return before;
    lastBuilt.set(id, row);
    return row;
  };
}
