/* Entry lifecycle: what the runtime reports as real queries are created, read, fail and go away. */
import { Route, createAsync, query, revalidate } from "@solidjs/router";
import { Show, createSignal, sharedConfig } from "solid-js";
import { afterEach, expect, test, vi } from "vitest";
import { deferred, hook, log, lines, mount, primitive, reset, settle } from "./test-fixture.tsx";

let fetched = 0;
const getItem = query(async (id: string) => `${id}#${++fetched}`, "getItem");
const search = query(async (term: string, opts: { page: number }) => `${term}@${opts.page}`, "search");
const failing = query(async (id: string): Promise<string> => {
  throw new Error(`boom ${id}`);
}, "failing");
const A = getItem.keyFor("a");

afterEach(async () => {
  await reset();
  fetched = 0;
});

function Item(props: { id: string }) {
  const value = createAsync(() => getItem(props.id));
  return <span>{value()}</span>;
}

// A component's first read creates the entry, fetches it (cause initial) and stores the value.
test("first read: created, fetched, valued", async () => {
  const app = mount(() => <Route path="/" component={() => <Item id="a" />} />);
  await settle();
  expect(app.text()).toBe("a#1");
  expect(log()).toEqual([
    { kind: "entry-created", key: A, query: "getItem", intent: "undefined" },
    { kind: "fetch-start", key: A, fetchId: 1, cause: "initial" },
    { kind: "observers", key: A, count: 1 },
    { kind: "fetch-settle", key: A, fetchId: 1, ok: true, stored: true },
  ]);
  expect(hook().entry(A)).toMatchObject({
    key: A,
    query: "getItem",
    args: { type: "array", length: 1, items: [primitive("a")] },
    status: "ready",
    intent: "undefined",
    observers: 1,
    fetches: 1,
    hydrated: false,
    value: primitive("a#1"),
  });
});

// A fetch starts at the router's own timestamp of the call, which it stores as the entry's updatedAt.
test("a fetch's start and its entry's creation carry the router's timestamp", async () => {
  let clock = 1_700_000_000_000;
  const now = vi.spyOn(Date, "now").mockImplementation(() => (clock += 5));
  try {
    await getItem("t");
  } finally {
    now.mockRestore();
  }
  const key = getItem.keyFor("t");
  const entry = hook().entry(key)!;
  const time = (kind: string) => hook().snapshot().events.find((event) => event.kind === kind && "key" in event && event.key === key)?.time;
  expect(time("fetch-start")).toBe(entry.updatedAt);
  expect(time("entry-created")).toBe(entry.createdAt);
  expect(entry.createdAt).toBe(entry.updatedAt);
});

// Several arguments, objects included, show up as the args the query was called with.
test("args preview of a multi-argument query", async () => {
  await search("solid", { page: 2 });
  const key = search.keyFor("solid", { page: 2 });
  expect(key).toBe('search["solid",{"page":2}]');
  expect(hook().entry(key)?.args).toEqual({
    type: "array",
    className: "Array",
    length: 2,
    items: [primitive("solid"), { type: "object", className: "Object", entries: [["page", primitive(2)]], more: 0 }],
  });
});

// An entry written by query.set (never fetched) is still named, and its args decoded from the key.
test("query.set creates an entry with args decoded from its key", () => {
  query.set(getItem.keyFor("z"), "zed");
  expect(log()).toEqual([
    { kind: "entry-created", key: getItem.keyFor("z"), query: "getItem", intent: "preload" },
    // `at`: this file's query.set call (source-sites.test.tsx reads such sites back).
    { kind: "value-set", key: getItem.keyFor("z"), via: "set", at: expect.any(Number) },
  ]);
  expect(hook().entry(getItem.keyFor("z"))).toMatchObject({
    query: "getItem",
    args: { type: "array", length: 1, items: [primitive("z")] },
    status: "ready",
    fetches: 0,
    value: primitive("zed"),
  });
});

// A value the server serialized is hydrated, not fetched: the entry is marked hydrated.
test("hydrated entry", async () => {
  const key = getItem.keyFor("h");
  // What solid's hydrate() provides: serialized data the router reads instead of fetching.
  const saved = { has: sharedConfig.has, load: sharedConfig.load };
  Object.assign(globalThis, { _$HY: { r: { [key]: true } } });
  sharedConfig.has = (id) => id === key;
  sharedConfig.load = () => Promise.resolve("from server");
  try {
    expect(await getItem("h")).toBe("from server");
  } finally {
    Object.assign(sharedConfig, saved);
    delete (globalThis as { _$HY?: unknown })._$HY;
  }
  expect(fetched).toBe(0);
  expect(log()).toEqual([
    { kind: "entry-created", key, query: "getItem", intent: "initial" },
    { kind: "value-set", key, via: "fetch" },
  ]);
  expect(hook().entry(key)).toMatchObject({ hydrated: true, fetches: 0, status: "ready", value: primitive("from server") });
});

// A query that throws settles with ok:false and the error, sets no value, and its entry is in error.
test("failing query: fetch-settle error and status error", async () => {
  await expect(failing("x")).rejects.toThrow("boom x");
  const key = failing.keyFor("x");
  const error = { type: "error", name: "Error", message: "boom x" };
  expect(log()).toEqual([
    { kind: "entry-created", key, query: "failing", intent: "undefined" },
    { kind: "fetch-start", key, fetchId: 1, cause: "initial" },
    { kind: "fetch-settle", key, fetchId: 1, ok: false, error: expect.objectContaining(error) },
  ]);
  expect(hook().entry(key)).toMatchObject({ status: "error", error, fetches: 1 });
  expect(hook().entry(key)?.value).toBeUndefined();
});

// A query function that throws before returning a promise: the router passes the error on, and
// the fetch settles with it.
test("query function that throws synchronously", () => {
  const throwing = query((id: string): Promise<string> => {
    throw new Error(`sync ${id}`);
  }, "throwing");
  expect(() => throwing("x")).toThrow("sync x");
  const key = throwing.keyFor("x");
  expect(log()).toEqual([
    { kind: "entry-created", key, query: "throwing", intent: "undefined" },
    { kind: "fetch-start", key, fetchId: 1, cause: "initial" },
    { kind: "fetch-settle", key, fetchId: 1, ok: false, error: expect.objectContaining({ type: "error", message: "sync x" }) },
  ]);
});

// A query function that returns a plain object settles at once; the router's handler then stores
// it, a write of its own (the fetch-settle was already recorded, without "stored").
test("query function that returns a plain object", async () => {
  const plain = query((id: string) => ({ id }) as unknown as Promise<{ id: string }>, "plain");
  expect(await plain("x")).toEqual({ id: "x" });
  const key = plain.keyFor("x");
  expect(lines()).toEqual([`entry-created ${key}`, `fetch-start ${key} initial`, `fetch-settle ${key} ok`, `value-set ${key} via fetch`]);
  expect(hook().entry(key)).toMatchObject({ status: "ready", fetches: 1, value: expect.objectContaining({ type: "object" }) });
});

// A fetch still in flight when a newer one starts settles too, with its own duration; only the
// newest decides the entry's status.
test("a superseded fetch settles on its own", async () => {
  const replies = [deferred<string>(), deferred<string>()];
  let calls = 0;
  const slow = query((id: string) => replies[calls++].promise.then((v) => `${id}:${v}`), "slow");
  const key = slow.keyFor("x");
  const first = slow("x");
  await revalidate(key); // invalidates; nothing observes the entry, so nothing refetches
  const second = slow("x");
  expect(hook().entry(key)?.status).toBe("pending");
  replies[1].resolve("two");
  expect(await second).toBe("x:two");
  expect(hook().entry(key)).toMatchObject({ status: "ready", fetches: 2, value: primitive("x:two") });
  await new Promise((resolve) => setTimeout(resolve, 5));
  replies[0].resolve("one");
  expect(await first).toBe("x:one");
  const fetches = log(["fetch-start", "fetch-settle"]);
  expect(fetches).toEqual([
    { kind: "fetch-start", key, fetchId: 1, cause: "initial" },
    { kind: "fetch-start", key, fetchId: 2, cause: "revalidate", revalidation: undefined },
    { kind: "fetch-settle", key, fetchId: 2, ok: true, stored: true },
    { kind: "fetch-settle", key, fetchId: 1, ok: true, stored: true },
  ]);
  const durations = hook().snapshot().events.filter((e) => e.kind === "fetch-settle").map((e) => (e as { ms: number }).ms);
  expect(durations[1]).toBeGreaterThanOrEqual(durations[0] + 4);
  // The router stores the late reply over the newer one: the entry shows what the router holds.
  expect(hook().entry(key)).toMatchObject({ status: "ready", fetches: 2, value: primitive("x:one") });
});

// The observer count follows components reading the entry as they mount and unmount.
test("observers go up and down with components", async () => {
  const [second, setSecond] = createSignal(true);
  const app = mount(() => (
    <Route path="/" component={() => (
      <>
        <Item id="a" />
        <Show when={second()}>
          <Item id="a" />
        </Show>
      </>
    )} />
  ));
  await settle();
  // Both readers mount in one update: the count is reported once it settles.
  expect(lines(["observers", "fetch-start"])).toEqual([`fetch-start ${A} initial`, `observers ${A} 2`]);
  hook().clearLog();
  setSecond(false);
  await settle();
  setSecond(true);
  await settle();
  app.dispose();
  await settle();
  // hidden: 1, shown again: 2 (read from cache, no fetch), app disposed: 0.
  expect(lines()).toEqual([`observers ${A} 1`, `observers ${A} 2`, `observers ${A} 0`]);
  expect(hook().entry(A)?.observers).toBe(0);
});

// A reader of three entries re-runs: Solid drops its subscriptions (last first) before it takes
// them again, so an entry's changes are not all in a row. Only the counts that changed are
// reported, once: not those of the entries it still reads.
test("a reader that re-runs over three entries reports only the counts that changed", async () => {
  const [third, setThird] = createSignal("x");
  function Three() {
    const all = createAsync(() => Promise.all([getItem("a"), getItem("b"), getItem(third())]));
    return <span>{all()?.join(" ")}</span>;
  }
  const app = mount(() => <Route path="/" component={Three} />);
  await settle();
  const [a, b, x, y] = ["a", "b", "x", "y"].map((id) => getItem.keyFor(id));
  expect(lines(["observers"])).toEqual([`observers ${a} 1`, `observers ${b} 1`, `observers ${x} 1`]);
  hook().clearLog();
  setThird("y");
  await settle();
  expect(app.text()).toBe("a#1 b#2 y#4");
  expect(lines(["observers"])).toEqual([`observers ${x} 0`, `observers ${y} 1`]);
  expect([a, b, x, y].map((key) => hook().entry(key)?.observers)).toEqual([1, 1, 0, 1]);
});

// Invalidating marks the entry stale (updatedAt 0) and does not refetch it by itself.
test("invalidated without refetch", async () => {
  await getItem("a");
  hook().clearLog();
  hook().invalidate([A]);
  await settle();
  expect(log()).toEqual([{ kind: "invalidated", keys: [A] }]);
  expect(hook().entry(A)).toMatchObject({ status: "stale", updatedAt: 0 });
});

// Removals say why: query.delete and the devtools delete are "delete", query.clear is "clear".
test("entry-removed with reason delete and clear", async () => {
  await Promise.all(["a", "b", "c", "d"].map((id) => getItem(id)));
  hook().clearLog();
  expect(query.delete(A)).toBe(true);
  hook().delete([getItem.keyFor("b"), getItem.keyFor("missing")]);
  query.clear();
  expect(lines()).toEqual([
    `entry-removed ${A} delete`,
    `entry-removed ${getItem.keyFor("b")} delete`,
    `entry-removed ${getItem.keyFor("c")} clear`,
    `entry-removed ${getItem.keyFor("d")} clear`,
  ]);
  expect(hook().snapshot().entries).toEqual([]);
});

// The package's `./runtime` entry hands out the same hook the router published.
test("getDevtoolsHook from the runtime entry", async () => {
  const { getDevtoolsHook } = await import("./index.ts");
  expect(getDevtoolsHook()).toBe(hook());
});
