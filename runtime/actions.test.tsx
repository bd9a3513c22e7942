/* Actions: what they report, and which refetches each kind of action response causes. */
import { Route, action, createAsync, json, query, reload, useAction } from "@solidjs/router";
import { For } from "solid-js";
import { afterEach, expect, test } from "vitest";
import { hook, lines, log, mount, primitive, reset, settle } from "./test-fixture.tsx";

let fetched = 0;
const getItem = query(async (id: string) => `${id}#${++fetched}`, "getItem");
const [A, B] = [getItem.keyFor("a"), getItem.keyFor("b")];

afterEach(async () => {
  await reset();
  fetched = 0;
});

type Run = (...args: unknown[]) => Promise<unknown>;

/** Mounts readers of getItem("a") and getItem("b") and returns a runner for `act` (via useAction). */
async function setup(act: Parameters<typeof useAction>[0]) {
  let run!: Run;
  const Page = () => {
    run = useAction(act) as Run;
    return <For each={["a", "b"]}>{(id) => <Item id={id} />}</For>;
  };
  const app = mount(() => <Route path="/" component={Page} />);
  await settle();
  hook().clearLog();
  return { app, run };
}
function Item(props: { id: string }) {
  const value = createAsync(() => getItem(props.id));
  return <span>{value()} </span>;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const object = (entries: [string, unknown][]) => ({ type: "object", className: "Object", entries, more: 0 });

/** Where the action is defined and the useAction that ran it: checked against the source in source-sites.test.tsx. */
const sites = { definedAt: expect.any(Number), submittedAt: expect.any(Number) };

// Start and settle carry the action's name, input, result and how long it took.
test("action-start and action-settle", async () => {
  const save = action(async (title: string) => (await sleep(20), { saved: title }), "save");
  const { run } = await setup(save);
  expect(await run("hello")).toEqual({ saved: "hello" });
  await settle();
  const [start, settled] = log(["action-start", "action-settle"]);
  expect(start).toEqual({ kind: "action-start", id: 1, name: "save", input: { type: "array", className: "Array", length: 1, items: [primitive("hello")] }, ...sites });
  expect(settled).toEqual({ kind: "action-settle", id: 1, ok: true, result: object([["saved", primitive("hello")]]) });
  const raw = hook().snapshot().events.find((e) => e.kind === "action-settle");
  expect(raw?.kind === "action-settle" && raw.ms).toBeGreaterThanOrEqual(15);
});

// A plain return revalidates everything: the response has no key list and every reader refetches.
test("default action revalidates every active query", async () => {
  const { app, run } = await setup(action(async () => "done", "plain"));
  await run();
  await settle();
  expect(app.text()).toBe("a#3 b#4 ");
  const by = { kind: "action", actionId: 1 };
  expect(log(["action-response", "invalidated", "revalidate", "fetch-start", "action-settle"])).toEqual([
    { kind: "action-response", id: 1, revalidate: null, singleFlight: [] },
    { kind: "invalidated", keys: [A, B], actionId: 1 },
    { kind: "revalidate", requested: null, matched: [A, B], active: [A, B], force: false, cause: by },
    { kind: "fetch-start", key: A, fetchId: 1, cause: "revalidate", revalidation: by },
    { kind: "fetch-start", key: B, fetchId: 2, cause: "revalidate", revalidation: by },
    { kind: "action-settle", id: 1, ok: true, result: primitive("done") },
  ]);
});

// A failing action settles with ok:false and its error; nothing is invalidated or refetched.
test("failing action", async () => {
  const { run } = await setup(action(async () => Promise.reject(new Error("nope")), "broken"));
  await expect(run()).rejects.toThrow("nope");
  await settle();
  expect(log()).toEqual([
    { kind: "action-start", id: 1, name: "broken", input: { type: "array", className: "Array", length: 0, items: [] }, ...sites },
    { kind: "action-settle", id: 1, ok: false, error: expect.objectContaining({ type: "error", name: "Error", message: "nope" }) },
  ]);
});

// json(data, { revalidate: key }) lists that key, and only that entry is invalidated and refetched.
test("json with revalidate key", async () => {
  const { app, run } = await setup(action(async () => json({ id: "a" }, { revalidate: A }), "rename"));
  expect(await run()).toEqual({ id: "a" });
  await settle();
  expect(app.text()).toBe("a#3 b#2 ");
  expect(lines()).toEqual([
    "action-start",
    "action-response",
    `invalidated ${A}`,
    "revalidate",
    // The reader re-runs: its drop and re-take of the entry is no change in observers.
    `fetch-start ${A} revalidate by action`,
    `fetch-settle ${A} ok stored`,
    "action-settle",
  ]);
  expect(log(["action-response"])).toEqual([{ kind: "action-response", id: 1, revalidate: [A], singleFlight: [], at: expect.any(Number) }]);
});

// reload({ revalidate: [] }) sends an empty key list: nothing is invalidated or refetched.
test("reload with an empty key list", async () => {
  const { app, run } = await setup(action(async () => reload({ revalidate: [] }), "noop"));
  await run();
  await settle();
  expect(app.text()).toBe("a#1 b#2 ");
  expect(log().slice(1)).toEqual([
    { kind: "action-response", id: 1, revalidate: [], singleFlight: [], at: expect.any(Number) },
    { kind: "revalidate", requested: [], matched: [], active: [], force: false, cause: { kind: "action", actionId: 1 } },
    { kind: "action-settle", id: 1, ok: true },
  ]);
});

// A hand-made Response with an X-Revalidate header is read the same way as json/reload.
test("raw Response with X-Revalidate", async () => {
  const { app, run } = await setup(action(async () => new Response(null, { headers: { "X-Revalidate": B } }), "raw"));
  await run();
  await settle();
  expect(app.text()).toBe("a#1 b#3 ");
  expect(lines(["action-response", "invalidated", "fetch-start"])).toEqual(["action-response", `invalidated ${B}`, `fetch-start ${B} revalidate by action`]);
  expect(log(["action-response"])[0]).toMatchObject({ revalidate: [B] });
});

// Single-flight: values that come with the response are written by query.set, not fetched.
test("single-flight response", async () => {
  const flight = action(async () => {
    const response = new Response(null, { headers: { "X-Single-Flight": "true", "X-Revalidate": A } });
    return Object.assign(response, { customBody: () => ({ _$value: "ok", [A]: "a from server" }) });
  }, "flight");
  const { app, run } = await setup(flight);
  expect(await run()).toBe("ok");
  await settle();
  expect(app.text()).toBe("a from server b#2 ");
  expect(fetched).toBe(2);
  expect(log().slice(1, 5)).toEqual([
    { kind: "action-response", id: 1, revalidate: [A], singleFlight: [A] },
    { kind: "invalidated", keys: [A], actionId: 1 },
    { kind: "value-set", key: A, via: "set", actionId: 1 },
    // The value came with the response: the reader re-reads it, nothing refetches.
    { kind: "revalidate", requested: [A], matched: [A], active: [], reused: [A], force: false, cause: { kind: "action", actionId: 1 } },
  ]);
  expect(lines(["fetch-start"])).toEqual([]);
});

// A <form action={action} method="post"> submission goes through the same instrumentation.
test("form submission", async () => {
  const submit = action(async (data: URLSearchParams) => data.get("title"), "submit");
  const app = mount(() => (
    <Route path="/" component={() => (
      <form action={submit} method="post">
        <input name="title" value="from form" />
        <button type="submit">save</button>
      </form>
    )} />
  ));
  await settle();
  // happy-dom's FormData rejects a null submitter, so submit through the button.
  app.container.querySelector("form")!.requestSubmit(app.container.querySelector("button"));
  await settle();
  expect(lines()).toEqual(["action-start", "action-response", "revalidate", "action-settle"]);
  const [start, , , settled] = log();
  expect(start).toMatchObject({ name: "submit", input: { type: "array", length: 1, items: [{ className: "URLSearchParams" }] } });
  expect(settled).toMatchObject({ ok: true, result: primitive("from form") });
});

// Single-flight data that arrives as a promise: the router stores the awaited value later. That
// write ends the query.set (via "awaited"), not a second query.set nor a fetch that never happened.
test("a single-flight promise value settles as set, not fetch", async () => {
  const key = "flight[]";
  // As SolidStart's single-flight response hands it over: a promise (query.set is typed for values).
  query.set(key, Promise.resolve("late") as never);
  expect(log(["value-set"])).toEqual([{ kind: "value-set", key, via: "set", actionId: undefined, at: expect.any(Number) }]);
  await query((): Promise<string> => Promise.resolve("unused"), "flight")();
  await settle();
  expect(log(["value-set"]).map((e) => (e as { via: string }).via)).toEqual(["set", "awaited"]);
});

// SolidStart's single-flight: the response's value is a promise. Its query.set and the awaited value
// the reader stores are both the action's, the revalidation re-reads it, and nothing is fetched.
test("single-flight promise value inside an action: one query.set, its awaited value, no refetch", async () => {
  const flight = action(async () => {
    const response = new Response(null, { headers: { "X-Single-Flight": "true", "X-Revalidate": A } });
    return Object.assign(response, { customBody: () => ({ _$value: "ok", [A]: Promise.resolve("a from server") }) });
  }, "flight");
  const { app, run } = await setup(flight);
  await run();
  await settle();
  expect(app.text()).toBe("a from server b#2 ");
  expect(fetched).toBe(2);
  expect(log(["value-set", "revalidate", "fetch-start"])).toEqual([
    { kind: "value-set", key: A, via: "set", actionId: 1 },
    { kind: "revalidate", requested: [A], matched: [A], active: [], reused: [A], force: false, cause: { kind: "action", actionId: 1 } },
    { kind: "value-set", key: A, via: "awaited", actionId: 1 },
  ]);
});
