/* The postMessage agent over an in-process wall pair, driven by the real hook of the patched router. */
import { query } from "@solidjs/router";
import { afterEach, beforeEach, expect, test } from "vitest";
import { PANEL_SOURCE, PROTOCOL, panelCommand, type PageMessage, type PanelCommandBody } from "../bridge/protocol.ts";
import { decodePageFrame } from "../bridge/page-frame.ts";
import { createWallPair, type Wall } from "../bridge/wall.ts";
import { FLUSH_MS, createAgent, type Agent } from "./agent.ts";
import { hook, reset, settle as settleApp } from "./test-fixture.tsx";

const getItem = query(async (id: string) => ({ id, nested: { deep: [1, 2, 3] } }), "getItem");

let agent: Agent;
let panel: Wall;
let received: PageMessage[];

beforeEach(() => {
  const [page, panelSide] = createWallPair();
  panel = panelSide;
  received = [];
  // Every message must be a valid frame holding a valid message: the panel drops anything else.
  panel.listen((data) => {
    const parsed = decodePageFrame(data);
    if (!parsed.ok) throw new Error(`invalid page message: ${parsed.reason}`);
    received.push(parsed.message);
  });
  agent = createAgent(hook(), page, () => "http://app.test/");
});
afterEach(async () => {
  agent.dispose();
  await reset();
});

/** The app settles, then the agent's next flush goes out. */
const settle = async () => {
  await settleApp();
  await new Promise((resolve) => setTimeout(resolve, FLUSH_MS));
  await settleApp();
};
const send = async (body: PanelCommandBody) => (panel.send(panelCommand(body)), settle());
const kinds = () => received.map((m) => m.kind);
const batches = () => received.flatMap((m) => (m.kind === "batch" ? [m] : []));

// Until a panel connects, the agent posts its hello and nothing else, however busy the cache is.
test("silent until connected", async () => {
  await getItem("a");
  await Promise.all(["b", "c"].map((id) => getItem(id)));
  hook().invalidate([getItem.key]);
  await settle();
  expect(received).toEqual([
    expect.objectContaining({ kind: "hello", routerVersion: hook().routerVersion, instrumented: true, url: "http://app.test/" }),
  ]);
  expect(agent.connected).toBe(false);
});

// connect answers a self-sufficient snapshot (no second hello: the content script would answer it
// with another connect); later events arrive in a batch with the entries they touched, their
// values only if watched.
test("connect, snapshot, then batches", async () => {
  await getItem("a");
  await send({ kind: "connect" });
  expect(kinds()).toEqual(["hello", "snapshot"]);
  const snapshot = received[1];
  expect(snapshot.kind === "snapshot" && snapshot.entries).toEqual([expect.objectContaining({ key: getItem.keyFor("a"), value: expect.objectContaining({ type: "object" }) })]);
  expect(snapshot.kind === "snapshot" && snapshot.events.map((e) => e.kind)).toEqual(["entry-created", "fetch-start", "fetch-settle"]);
  received = [];
  query.set(getItem.keyFor("b"), "bee");
  query.delete(getItem.keyFor("a"));
  await settle();
  expect(kinds()).toEqual(["batch"]); // events of one tick travel together
  const [batch] = batches();
  expect(batch.events.map((e) => e.kind)).toEqual(["entry-created", "value-set", "entry-removed"]);
  expect(batch.entries).toEqual([expect.objectContaining({ key: getItem.keyFor("b"), status: "ready", valueOmitted: true })]);
  expect(batch.entries[0].value).toBeUndefined();
  expect(batch.entries[0].args).toEqual(expect.objectContaining({ type: "array", length: 1 }));
  expect(batch.removed).toEqual([getItem.keyFor("a")]);
  expect(batch.dropped).toBe(0);

  // Watching sends the value now, and with every later update until the list changes.
  received = [];
  await send({ kind: "watch", keys: [getItem.keyFor("b")] });
  expect(batches()).toEqual([expect.objectContaining({ events: [], entries: [expect.objectContaining({ key: getItem.keyFor("b"), value: { type: "primitive", value: "bee" } })] })]);
  expect(batches()[0].entries[0].valueOmitted).toBeUndefined();
  // Args go once per connection: they never change.
  expect(batches()[0].entries[0].args).toBeUndefined();
  received = [];
  query.set(getItem.keyFor("b"), "buzz");
  await settle();
  expect(batches()[0].entries).toEqual([expect.objectContaining({ value: { type: "primitive", value: "buzz" } })]);
  received = [];
  await send({ kind: "watch", keys: [] });
  query.set(getItem.keyFor("b"), "bzz");
  await settle();
  expect(batches().at(-1)!.entries).toEqual([expect.objectContaining({ valueOmitted: true })]);
});

// A synchronous burst of 9,000 events reaches the panel complete, in order, in batches of ≤ 5000.
test("burst of 9000 events", { timeout: 30_000 }, async () => {
  const keys = Array.from({ length: 1000 }, (_, i) => `burst[${i}]`);
  keys.forEach((key) => query.set(key, -1));
  hook().clearLog(); // keep the connect snapshot small
  await send({ kind: "connect" });
  await send({ kind: "watch", keys });
  received = [];
  const rounds = 9;
  for (let round = 0; round < rounds; round++) keys.forEach((key) => query.set(key, round)); // 9000 value-set
  await settle();
  // Each watched key's changes go in a message of their own, after the batch that carries the key.
  expect(kinds().filter((kind) => kind !== "value-changes")).toEqual(["batch", "batch"]);
  expect(kinds().filter((kind) => kind === "value-changes")).toHaveLength(1000);
  expect(batches().map((b) => b.events.length)).toEqual([5000, 4000]);
  const events = batches().flatMap((b) => b.events);
  expect(events.map((e) => e.kind === "value-set" && e.via === "set" && e.key)).toEqual(Array.from({ length: rounds }, () => keys).flat());
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => events[0].seq + i));
  // Each touched entry goes once per flush, in its latest state, however many events it had.
  expect(batches().map((b) => b.entries.length)).toEqual([1000, 0]);
  expect(batches()[0].entries.map((e) => e.key)).toEqual(keys);
  expect(batches()[0].entries.every((e) => e.value?.type === "primitive" && e.value.value === rounds - 1)).toBe(true);
  expect(batches().every((b) => b.dropped === 0)).toBe(true);
});

// disconnect stops the stream; the page goes quiet again.
test("disconnect", async () => {
  await send({ kind: "connect" });
  await send({ kind: "disconnect" });
  received = [];
  await getItem("a");
  await settle();
  expect(received).toEqual([]);
  expect(agent.connected).toBe(false);
});

// Malformed or foreign-protocol commands are counted, never acted on; untagged traffic is ignored.
test("invalid commands are rejected", async () => {
  await getItem("a");
  panel.send({ source: PANEL_SOURCE, protocol: PROTOCOL, kind: "delete", keys: "not a list" });
  panel.send({ source: PANEL_SOURCE, protocol: 99, kind: "connect" });
  panel.send({ hello: "some other script" });
  await settle();
  expect(agent.rejected.count).toBe(2);
  expect(agent.rejected.lastReason).toMatch(/protocol mismatch/);
  expect(agent.connected).toBe(false);
  expect(hook().entry(getItem.keyFor("a"))).toBeDefined();
});

// inspect returns a value message with the preview of the path asked for.
test("inspect", async () => {
  await getItem("a");
  await send({ kind: "inspect", key: getItem.keyFor("a"), path: ["nested", "deep"] });
  expect(received.at(-1)).toEqual({
    source: "solid-query-devtools:page",
    protocol: PROTOCOL,
    kind: "value",
    key: getItem.keyFor("a"),
    path: ["nested", "deep"],
    preview: { type: "array", className: "Array", length: 3, items: [1, 2, 3].map((value) => ({ type: "primitive", value })) },
  });
});

// Commands act on the router: revalidate, invalidate and delete from the panel.
test("revalidate, invalidate and delete commands", async () => {
  await Promise.all(["a", "b"].map((id) => getItem(id)));
  await send({ kind: "connect" });
  received = [];
  await send({ kind: "revalidate", keys: [getItem.keyFor("a")] });
  await send({ kind: "invalidate", keys: [getItem.keyFor("b")] });
  await send({ kind: "delete", keys: [getItem.keyFor("a")] });
  const events = batches().flatMap((b) => b.events);
  expect(events.map((e) => `${e.kind} ${"key" in e ? e.key : e.kind === "invalidated" ? e.keys.join(" ") : ""}`.trim())).toEqual([
    "revalidate",
    `invalidated ${getItem.keyFor("a")}`,
    `invalidated ${getItem.keyFor("b")}`,
    `entry-removed ${getItem.keyFor("a")}`,
  ]);
  expect(events[0]).toMatchObject({ cause: { kind: "devtools" }, active: [] });
});

// The edit commands over the wall: the value as JSON, a refusal with its reason, and the value
// changes of a watched entry after a devtools write (none for an unwatched one).
test("read-json, set-value, refusals and value changes", async () => {
  const key = getItem.keyFor("e");
  await getItem("e");
  await send({ kind: "connect" });
  await send({ kind: "read-json", key });
  expect(received.at(-1)).toMatchObject({ kind: "value-json", key, json: JSON.stringify({ id: "e", nested: { deep: [1, 2, 3] } }, null, 2) });
  await send({ kind: "set-value", key, path: ["nested"], json: "{oops" });
  expect(received.at(-1)).toMatchObject({ kind: "refused", command: "set-value", key, reason: expect.stringMatching(/^the edit is not JSON/) });
  await send({ kind: "restore", key });
  expect(received.at(-1)).toMatchObject({ kind: "refused", command: "restore", key });

  received = [];
  await send({ kind: "set-value", key, path: ["id"], json: '"unwatched"' });
  expect(kinds()).not.toContain("value-changes");
  await send({ kind: "watch", keys: [key] });
  await send({ kind: "set-value", key, path: ["nested", "deep", 3], json: "4" });
  const changes = received.filter((m) => m.kind === "value-changes");
  expect(changes).toEqual([
    expect.objectContaining({ key, changes: [expect.objectContaining({ via: "devtools", paths: [expect.objectContaining({ path: ["nested", "deep", 3], change: "added" })] })] }),
  ]);
});
