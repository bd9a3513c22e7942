/* Why fetches happen (fetch-start causes) and what a revalidation asked for, matched and refetched. */
import { Route, createAsync, query, revalidate, useNavigate, usePreloadRoute } from "@solidjs/router";
import { For } from "solid-js";
import { afterEach, expect, test, vi } from "vitest";
import { hook, lines, log, mount, reset, settle } from "./test-fixture.tsx";

let fetched = 0;
const getItem = query(async (id: string) => `${id}#${++fetched}`, "getItem");
// Its name starts with "getItem": the router's prefix matching also selects it for getItem.key.
const getItemCount = query(async () => 2, "getItemCount");
const [A, B, COUNT] = [getItem.keyFor("a"), getItem.keyFor("b"), getItemCount.keyFor()];

afterEach(async () => {
  await reset();
  fetched = 0;
});

/** Mounts one component reading getItem for each id; resolves once everything is loaded. */
async function showItems(...ids: string[]) {
  const app = mount(() => (
    <Route path="/" component={() => <For each={ids}>{(id) => <Item id={id} />}</For>} />
  ));
  await settle();
  hook().clearLog();
  return app;
}
function Item(props: { id: string }) {
  const value = createAsync(() => getItem(props.id));
  return <span>{value()} </span>;
}

// A route preload fetches with cause preload (no value yet); navigating there reuses it, no refetch.
/** The app's own revalidate call: its source site is checked in source-sites.test.tsx. */
const byApp = { kind: "app", at: expect.any(Number) };

test("preload, then navigation without a second fetch", async () => {
  let preload!: ReturnType<typeof usePreloadRoute>;
  let navigate!: ReturnType<typeof useNavigate>;
  const Home = () => ((preload = usePreloadRoute()), (navigate = useNavigate()), <p>home</p>);
  const app = mount(() => (
    <>
      <Route path="/" component={Home} />
      <Route path="/b" component={() => <Item id="b" />} preload={() => getItem("b")} />
    </>
  ));
  await settle();
  preload("/b", { preloadData: true });
  await settle();
  expect(log()).toEqual([
    { kind: "entry-created", key: B, query: "getItem", intent: "preload" },
    { kind: "fetch-start", key: B, fetchId: 1, cause: "preload" },
    { kind: "fetch-settle", key: B, fetchId: 1, ok: true },
  ]);
  hook().clearLog();
  navigate("/b");
  await settle();
  expect(app.text()).toBe("b#1 ");
  expect(lines(["fetch-start", "value-set"])).toEqual([`value-set ${B} via fetch`]);
  expect(hook().entry(B)).toMatchObject({ observers: 1, fetches: 1, status: "ready" });
});

// A preload's fetch has one reaction, the runtime's, which settles it and handles its rejection: the
// router leaves out its own catch (with DevTools open, each reaction costs a stack capture).
test("a failed preload: settled by the runtime's reaction, the router adds no catch", async () => {
  let routerCatches = 0;
  const getBroken = query(() => {
    const promise = Promise.reject(new Error("offline"));
    promise.catch = (...handlers) => (routerCatches++, Promise.prototype.catch.apply(promise, handlers));
    return promise;
  }, "getBroken");
  let preload!: ReturnType<typeof usePreloadRoute>;
  const Home = () => ((preload = usePreloadRoute()), <p>home</p>);
  mount(() => (
    <>
      <Route path="/" component={Home} />
      <Route path="/b" component={() => <p>b</p>} preload={() => void getBroken()} />
    </>
  ));
  await settle();
  preload("/b", { preloadData: true });
  await settle();
  expect(lines(["fetch-start", "fetch-settle"])).toEqual([`fetch-start ${getBroken.keyFor()} preload`, `fetch-settle ${getBroken.keyFor()} error`]);
  // Unhandled, the rejection would fail this run.
  expect(routerCatches).toBe(0);
});

// The app's revalidate(query.key) matches every instance by prefix and refetches the active ones.
test("app revalidate by query.key: prefix match, cause app", async () => {
  const app = await showItems("a", "b");
  await getItemCount(); // matched by the "getItem" prefix too, but has no observers
  hook().clearLog();
  await revalidate(getItem.key);
  await settle();
  expect(app.text()).toBe("a#3 b#4 ");
  const [event] = log(["revalidate"]);
  expect(event).toEqual({
    kind: "revalidate",
    requested: ["getItem"],
    matched: [A, B, COUNT],
    active: [A, B],
    force: true,
    cause: byApp,
  });
  expect(log(["fetch-start"])).toEqual([
    { kind: "fetch-start", key: A, fetchId: 1, cause: "revalidate", revalidation: byApp },
    { kind: "fetch-start", key: B, fetchId: 2, cause: "revalidate", revalidation: byApp },
  ]);
  // One walk over the cache, one event with every entry it marked stale.
  expect(lines(["invalidated"])).toEqual([`invalidated ${A} ${B} ${COUNT}`]);
});

// keyFor selects one instance only; the full sequence of that refetch, exactly.
test("app revalidate by keyFor: one entry", async () => {
  const app = await showItems("a", "b");
  await revalidate(getItem.keyFor("a"));
  await settle();
  expect(app.text()).toBe("a#3 b#2 ");
  expect(log()).toEqual([
    { kind: "revalidate", requested: [A], matched: [A], active: [A], force: true, cause: byApp },
    { kind: "invalidated", keys: [A] },
    { kind: "fetch-start", key: A, fetchId: 1, cause: "revalidate", revalidation: byApp },
    { kind: "fetch-settle", key: A, fetchId: 1, ok: true, stored: true },
  ]);
});

// revalidate() with no keys asks for everything: requested is null, every entry matches.
test("revalidate() without keys", async () => {
  await showItems("a");
  await getItem("b");
  hook().clearLog();
  await revalidate();
  await settle();
  expect(log(["revalidate"])).toEqual([
    { kind: "revalidate", requested: null, matched: [A, B], active: [A], force: true, cause: byApp },
  ]);
  expect(lines(["fetch-start"])).toEqual([`fetch-start ${A} revalidate by app`]);
});

// The devtools' own revalidate goes through the router, tagged with the devtools cause.
test("devtools revalidate", async () => {
  const app = await showItems("a");
  hook().revalidate([A]);
  await settle();
  expect(app.text()).toBe("a#2 ");
  expect(log(["revalidate", "fetch-start"])).toEqual([
    { kind: "revalidate", requested: [A], matched: [A], active: [A], force: true, cause: { kind: "devtools" } },
    { kind: "fetch-start", key: A, fetchId: 1, cause: "revalidate", revalidation: { kind: "devtools" } },
  ]);
});

// Two revalidations in one task walk the cache twice: two invalidated events, each in its order.
test("each walk over the cache is its own invalidated event", async () => {
  await Promise.all(["a", "b"].map((id) => getItem(id)));
  hook().clearLog();
  await Promise.all([revalidate(B), revalidate(getItem.key)]);
  await settle();
  expect(lines(["invalidated"])).toEqual([`invalidated ${B}`, `invalidated ${A}`]);
});

// An entry nobody observes is invalidated, listed with active: [], and not fetched.
test("revalidating an unobserved entry fetches nothing", async () => {
  await getItem("a");
  hook().clearLog();
  await revalidate(A);
  await settle();
  expect(log()).toEqual([
    { kind: "revalidate", requested: [A], matched: [A], active: [], force: true, cause: byApp },
    { kind: "invalidated", keys: [A] },
  ]);
  expect(fetched).toBe(1);
});

// revalidate(key, false) re-triggers readers without invalidating: fresh entries are not refetched.
test("non-forced revalidate of a fresh entry", async () => {
  const app = await showItems("a");
  await revalidate(A, false);
  await settle();
  expect(app.text()).toBe("a#1 ");
  expect(lines(["revalidate", "invalidated", "fetch-start"])).toEqual(["revalidate"]);
  expect(log(["revalidate"])[0]).toMatchObject({ force: false, active: [], reused: [A] });
});

// The router's own test on a read: a fresh entry whose one reader re-runs is refetched once it is
// older than the router's preload window (5 s), and the revalidation says so.
test("non-forced revalidate of an entry older than 5 s with one reader refetches it", async () => {
  const app = await showItems("a");
  const realNow = Date.now.bind(Date);
  const later = vi.spyOn(Date, "now").mockImplementation(() => realNow() + 6_000);
  try {
    await revalidate(A, false);
    await settle();
  } finally {
    later.mockRestore();
  }
  expect(app.text()).toBe("a#2 ");
  expect(log(["revalidate"])[0]).toMatchObject({ force: false, active: [A] });
  expect(log(["revalidate"])[0].reused).toBeUndefined();
  expect(lines(["fetch-start"])).toEqual([`fetch-start ${A} revalidate by app`]);
});

// After a revalidation's transition, a later fetch of the same key is no longer attributed to it.
test("revalidation cause does not leak into later fetches", async () => {
  await showItems("a");
  await revalidate(A, false); // marks A as refetched "by app", but nothing refetches it
  await settle();
  hook().invalidate([A]);
  hook().clearLog();
  await getItem("a"); // a stale read: cause revalidate, but no revalidation caused it
  expect(log(["fetch-start"])).toEqual([{ kind: "fetch-start", key: A, fetchId: 1, cause: "revalidate" }]);
});
