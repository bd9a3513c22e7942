/* The devtools' writes through the router's real cache: value edits, simulated loading and error, restore, and value changes. */
import { ErrorBoundary, Suspense } from "solid-js";
import { Route, createAsync, query, revalidate } from "@solidjs/router";
import { afterEach, expect, test } from "vitest";
import { hook, lines, log, mount, reset, settle } from "./test-fixture.tsx";

let fetched = 0;
const getTodo = query(async (id: string) => ({ id, title: `todo ${id}`, tags: ["a"], round: ++fetched }), "getTodo");
const getWhen = query(async () => ({ at: new Date(0) }), "getWhen");
const A = getTodo.keyFor("1");

afterEach(async () => {
  await reset();
  fetched = 0;
});

/** One reader of getTodo("1") inside its own Suspense and ErrorBoundary, as an app would have. */
async function showTodo() {
  const Todo = () => {
    const todo = createAsync(() => getTodo("1"));
    return <p>{todo()?.title}</p>;
  };
  const app = mount(() => (
    <Route
      path="/"
      component={() => (
        <ErrorBoundary fallback={(error) => <p>failed: {String(error.message)}</p>}>
          <Suspense fallback={<p>loading</p>}>
            <Todo />
          </Suspense>
        </ErrorBoundary>
      )}
    />
  ));
  await settle();
  hook().clearLog();
  return app;
}

test("an edit is written with query.set and the readers show it, without a fetch", async () => {
  const app = await showTodo();
  expect(app.text()).toBe("todo 1");
  expect(hook().readJson(A).json).toContain('"title": "todo 1"');
  expect(hook().setValue(A, ["title"], '"edited"')).toBeUndefined();
  await settle();
  expect(app.text()).toBe("edited");
  expect(fetched).toBe(1);
  expect(log(["value-set", "revalidate", "fetch-start"])).toEqual([
    { kind: "value-set", key: A, via: "devtools" },
    { kind: "revalidate", requested: [A], matched: [A], active: [], reused: [A], force: false, cause: { kind: "devtools" } },
  ]);
  // The whole value, too; the rest of it is what the edit says.
  expect(hook().setValue(A, [], JSON.stringify({ id: "1", title: "whole", tags: [] }))).toBeUndefined();
  await settle();
  expect(app.text()).toBe("whole");
  expect(fetched).toBe(1);
});

test("values and edits that cannot round-trip through JSON are refused, with the reason", async () => {
  await showTodo();
  await getWhen();
  const when = getWhen.keyFor();
  expect(hook().readJson(when).refused).toMatch(/a Date at at/);
  expect(hook().setValue(when, [], '{"at": 1}')).toMatch(/a Date at at, which JSON cannot give back/);
  expect(hook().setValue(A, [], "{not json")).toMatch(/^the edit is not JSON/);
  expect(hook().setValue(A, ["nope", "deeper"], "1")).toMatch(/nothing to edit at nope/);
  expect(hook().setValue("missing[]", [], "1")).toMatch(/not in the cache/);
  expect(log(["value-set"])).toEqual([]);
});

test("simulated loading suspends the readers until restored; no fetch either way", async () => {
  const app = await showTodo();
  expect(hook().simulate(A, "pending")).toBeUndefined();
  await settle();
  expect(app.text()).toBe("loading");
  expect(hook().entry(A)).toMatchObject({ status: "pending", simulated: "pending" });
  expect(hook().restore(A)).toBeUndefined();
  await settle();
  expect(app.text()).toBe("todo 1");
  expect(hook().entry(A)).toMatchObject({ status: "ready" });
  expect(hook().entry(A)?.simulated).toBeUndefined();
  expect(fetched).toBe(1);
  expect(lines(["simulation", "fetch-start"])).toEqual([`simulation ${A}`, `simulation ${A}`]);
  expect(log(["simulation"]).map((e) => e.state)).toEqual(["pending", "restored"]);
  expect(hook().restore(A)).toMatch(/not in a simulated state/);
});

test("a simulated error reaches the readers' error boundary; restore brings the value back", async () => {
  const app = await showTodo();
  hook().simulate(A, "error");
  await settle();
  expect(app.text()).toMatch(/^failed: Simulated by Solid Query Devtools/);
  expect(hook().entry(A)).toMatchObject({ status: "error", simulated: "error", error: { type: "error" } });
  // An edit waits for the restore: it would be hidden behind the simulated promise.
  expect(hook().setValue(A, ["title"], '"x"')).toMatch(/restore it first/);
  hook().restore(A);
  // A real reader would retry through its boundary's reset; this one re-reads the entry once re-mounted.
  app.dispose();
  const again = await showTodo();
  expect(again.text()).toBe("todo 1");
  expect(fetched).toBe(1);
});

test("a real refetch ends a simulation", async () => {
  const app = await showTodo();
  hook().simulate(A, "pending");
  await settle();
  await revalidate(A);
  await settle();
  expect(app.text()).toBe("todo 1");
  expect(fetched).toBe(2);
  expect(log(["simulation"]).map((e) => e.state)).toEqual(["pending", "ended"]);
  expect(hook().entry(A)?.simulated).toBeUndefined();
});

test("value changes are kept only for watched entries, each write diffed by path", async () => {
  await showTodo();
  expect(hook().valueChanges(A)).toEqual({ version: 0, changes: [] });
  await revalidate(A); // unwatched: nothing kept
  await settle();
  expect(hook().valueChanges(A).changes).toEqual([]);
  const release = hook().trackChanges(A);
  await revalidate(A);
  await settle();
  hook().setValue(A, [], JSON.stringify({ id: "1", title: "new", round: 2, extra: true }));
  await settle();
  const { changes } = hook().valueChanges(A);
  expect(changes.map((c) => c.via)).toEqual(["fetch", "devtools"]);
  expect(changes[0].paths).toEqual([{ path: ["round"], change: "changed", before: { type: "primitive", value: 2 }, after: { type: "primitive", value: 3 } }]);
  expect(changes[1].paths.map((p) => [p.path.join("."), p.change])).toEqual([
    ["title", "changed"],
    ["tags", "removed"],
    ["round", "changed"],
    ["extra", "added"],
  ]);
  release();
  expect(hook().valueChanges(A).changes).toEqual([]);
});
