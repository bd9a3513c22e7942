/*
 * The runtime on @solidjs/router 2.0 and solid-js 2.0: entries, fetches with their causes,
 * invalidations, observers and actions with the keys they revalidate, read from the router's real
 * cache as an app drives it (queries read in memos, form actions submitted through the router's
 * own form handling).
 */
import { formAction, query, revalidate } from "@solidjs/router";
import { respond } from "@solidjs/web";
import { deliverFlightData } from "@solidjs/web/server-functions";
import { For, Loading, Show, createMemo, createSignal, type Accessor, type Setter } from "solid-js";
import { afterEach, expect, test } from "vitest";
import { deferred, hook, lines, log, settle } from "../../../runtime/test-log.ts";
import { mount, reset } from "./mount.tsx";

let fetched = 0;
let hold: ReturnType<typeof deferred<string>>[] | undefined;
const getItem = query(async (id: string) => {
  const n = ++fetched;
  if (hold) return `${id}#${n}:${await (hold[hold.push(deferred<string>()) - 1].promise)}`;
  return `${id}#${n}`;
}, "getItem");
const [A, B] = [getItem.keyFor("a"), getItem.keyFor("b")];

afterEach(async () => {
  await reset();
  fetched = 0;
  hold = undefined;
});

let shown: [Accessor<boolean>, Setter<boolean>];
/** One component reading getItem for each id in a memo (Solid 2 has no createAsync); the list can be hidden. */
async function showItems(...ids: string[]) {
  shown = createSignal(true);
  const Item = (props: { id: string }) => {
    const value = createMemo(() => getItem(props.id));
    return <span>{value()} </span>;
  };
  const container = mount([
    {
      path: "/",
      component: () => (
        <Show when={shown[0]()}>
          <Loading fallback="…">
            <For each={ids}>{(id) => <Item id={id} />}</For>
          </Loading>
        </Show>
      ),
    },
  ]);
  await settle();
  return container;
}

/** A form bound to `action`, submitted through the router's own form handling. */
async function submit(action: ReturnType<typeof formAction>, fields: Record<string, string> = {}) {
  const form = document.createElement("form");
  form.method = "post";
  form.action = String(action);
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.name = name;
    input.value = value;
    form.append(input);
  }
  const button = document.createElement("button");
  button.type = "submit";
  form.append(button);
  document.body.append(form);
  form.requestSubmit(button);
  await settle(10);
  form.remove();
}

test("a reader's first fetch: the entry, its fetch (stored at once), one observer", async () => {
  const app = await showItems("a", "b");
  expect(app.textContent).toBe("a#1 b#2 ");
  expect(lines()).toEqual([
    `entry-created ${A}`,
    `fetch-start ${A} initial`,
    `entry-created ${B}`,
    `fetch-start ${B} initial`,
    `observers ${A} 1`,
    `observers ${B} 1`,
    `fetch-settle ${A} ok stored`,
    `fetch-settle ${B} ok stored`,
  ]);
  expect(hook().entry(A)).toMatchObject({ observers: 1, fetches: 1, status: "ready" });
});

test("revalidate(key) by the app: one invalidation, one refetch of that key", async () => {
  const app = await showItems("a", "b");
  hook().clearLog();
  revalidate(A);
  await settle();
  expect(app.textContent).toBe("a#3 b#2 ");
  expect(lines(["revalidate", "invalidated", "fetch-start", "fetch-settle"])).toEqual([
    "revalidate",
    `invalidated ${A}`,
    `fetch-start ${A} revalidate by app`,
    `fetch-settle ${A} ok stored`,
  ]);
});

let flakyCalls = 0;
const getFlaky = query(async (id: string) => {
  if (++flakyCalls === 1) throw new Error("on purpose");
  return id;
}, "getFlaky");

// 2.0 stamps an entry whose fetch rejected -1 (never fresh), where 1.x keeps its time and reuses the
// rejection for a while: the entry still shows when it was fetched, and the next read refetches.
test("a failed fetch: the entry shows the error and its fetch's time; the next read refetches at once", async () => {
  const key = getFlaky.keyFor("x");
  const before = Date.now();
  await expect(getFlaky("x")).rejects.toThrow("on purpose");
  const failed = hook().entry(key)!;
  expect(failed).toMatchObject({ status: "error", fetches: 1, error: { type: "error" } });
  expect(failed.updatedAt).toBeGreaterThanOrEqual(before);
  expect(failed.updatedAt).toBeLessThanOrEqual(Date.now());
  await expect(getFlaky("x")).resolves.toBe("x");
  expect(flakyCalls).toBe(2);
  expect(lines(["fetch-start", "fetch-settle"])).toEqual([
    `fetch-start ${key} initial`,
    `fetch-settle ${key} error`,
    `fetch-start ${key} expired`,
    `fetch-settle ${key} ok stored`,
  ]);
  expect(hook().entry(key)).toMatchObject({ status: "ready", fetches: 2 });
});

const addItem = formAction(async (_form: FormData) => {}, "addItem");
const renameItem = formAction(async (form: FormData) => respond({ ok: true }, { revalidate: getItem.keyFor(String(form.get("id"))) }), "renameItem");
const failing = formAction(async () => {
  throw new Error("on purpose");
}, "failing");

test("an action that returns nothing revalidates every active query, each refetch under the action", async () => {
  await showItems("a", "b");
  hook().clearLog();
  await submit(addItem);
  expect(lines()).toEqual([
    "action-start",
    "action-response",
    `invalidated ${A} ${B}`,
    "revalidate",
    "action-settle",
    `fetch-start ${A} revalidate by action`,
    `fetch-start ${B} revalidate by action`,
    `observers ${A} 2`,
    `observers ${B} 2`,
    `fetch-settle ${A} ok stored`,
    `fetch-settle ${B} ok stored`,
    `observers ${A} 1`,
    `observers ${B} 1`,
  ]);
  expect(log(["action-start", "action-response", "invalidated", "revalidate", "action-settle"])).toMatchObject([
    { kind: "action-start", id: 1, name: "addItem" },
    { kind: "action-response", id: 1, revalidate: null, singleFlight: [] },
    { kind: "invalidated", keys: [A, B], actionId: 1 },
    { kind: "revalidate", requested: null, active: [A, B], force: false, cause: { kind: "action", actionId: 1 } },
    { kind: "action-settle", id: 1, ok: true },
  ]);
  expect(log(["fetch-start"])).toMatchObject([{ revalidation: { kind: "action", actionId: 1 } }, { revalidation: { kind: "action", actionId: 1 } }]);
  expect(fetched).toBe(4);
});

test("respond(…, { revalidate: key }) refetches that key alone", async () => {
  await showItems("a", "b");
  hook().clearLog();
  await submit(renameItem, { id: "b" });
  expect(lines(["action-start", "action-response", "invalidated", "revalidate", "action-settle", "fetch-start", "fetch-settle"])).toEqual([
    "action-start",
    "action-response",
    `invalidated ${B}`,
    "revalidate",
    "action-settle",
    `fetch-start ${B} revalidate by action`,
    `fetch-settle ${B} ok stored`,
  ]);
  expect(log(["action-response", "revalidate", "action-settle"])).toMatchObject([
    { kind: "action-response", id: 1, revalidate: [B], singleFlight: [] },
    { kind: "revalidate", requested: [B], matched: [B], active: [B], cause: { kind: "action", actionId: 1 } },
    { kind: "action-settle", id: 1, ok: true, result: { type: "object" } },
  ]);
  expect(fetched).toBe(3);
});

// A server function's single-flight response: its transport hands the keys and the fresh values to the
// router's consumer (deliverFlightData, the transport's own call) before the mutation returns.
const serverRename = formAction(async (form: FormData) => {
  const key = getItem.keyFor(String(form.get("id")));
  const response = new Response(null, { headers: { "X-Single-Flight": "true", "X-Revalidate": key } });
  await deliverFlightData(response, { true: { [key]: "b from the server" } });
  return { ok: true };
}, "serverRename");

test("single-flight: the keys and values a server function's response carries belong to its action; nothing refetches", async () => {
  const app = await showItems("a", "b");
  hook().clearLog();
  await submit(serverRename, { id: "b" });
  expect(app.textContent).toBe("a#1 b from the server ");
  expect(fetched).toBe(2);
  expect(log(["action-start", "action-response", "invalidated", "value-set", "revalidate", "action-settle", "fetch-start"])).toMatchObject([
    { kind: "action-start", id: 1, name: "serverRename" },
    { kind: "action-response", id: 1, revalidate: [B], singleFlight: [B] },
    { kind: "invalidated", keys: [B], actionId: 1 },
    { kind: "value-set", key: B, via: "set", actionId: 1 },
    // Its reader re-reads the value the response carried: reused, not refetched.
    { kind: "revalidate", requested: [B], active: [], reused: [B], cause: { kind: "action", actionId: 1 } },
    { kind: "action-settle", id: 1, ok: true },
  ]);
});

test("a failing action settles with its error and revalidates nothing", async () => {
  await showItems("a");
  hook().clearLog();
  await submit(failing);
  expect(log()).toMatchObject([
    { kind: "action-start", id: 1, name: "failing" },
    { kind: "action-settle", id: 1, ok: false, error: { type: "error" } },
  ]);
  expect(fetched).toBe(1);
});

test("a fetch superseded before it settles is not stored; a later query.set is reported", async () => {
  hold = [];
  await showItems("a");
  hold[0].resolve("first");
  await settle();
  hook().clearLog();
  revalidate(A);
  await settle();
  revalidate(A);
  await settle();
  hold[2].resolve("third");
  await settle();
  hold[1].resolve("second");
  await settle();
  query.set(A, "set");
  // Solid 2 keeps a re-running reader's old subscription until its new read settles: 2 meanwhile.
  expect(lines()).toEqual([
    "revalidate",
    `invalidated ${A}`,
    `fetch-start ${A} revalidate by app`,
    `observers ${A} 2`,
    "revalidate",
    `invalidated ${A}`,
    `fetch-start ${A} revalidate by app`,
    `fetch-settle ${A} ok stored`,
    `observers ${A} 1`,
    `fetch-settle ${A} ok`,
    `value-set ${A} via set`,
  ]);
  expect(hook().entry(A)).toMatchObject({ fetches: 3, status: "ready" });
});

test("observers: hiding the reader leaves the entry unobserved; showing it again observes it", async () => {
  await showItems("a");
  hook().clearLog();
  shown[1](false);
  await settle();
  shown[1](true);
  await settle();
  expect(lines(["observers", "fetch-start"])).toEqual([`observers ${A} 0`, `observers ${A} 1`]);
});

test("a value the server rendered is adopted from the hydration registry: a hydrated entry, no fetch", async () => {
  const H = getItem.keyFor("h");
  // What the server's hydration script leaves: the registry router 2.0 takes the entry from (takeHydrationValue).
  (globalThis as { _$HY?: { r: Record<string, unknown> } })._$HY = { r: { [H]: "h from the server" } };
  const app = await showItems("h");
  expect(app.textContent).toBe("h from the server ");
  expect(fetched).toBe(0);
  expect(lines()).toEqual([`entry-created ${H}`, `observers ${H} 1`, `value-set ${H} via fetch`]);
  expect(hook().entry(H)).toMatchObject({ hydrated: true, fetches: 0, status: "ready" });
});
