/*
 * Previews of ordinary and hostile values: bounded, readable, valid against the schema, never throwing.
 */
import { createStore } from "solid-js/store";
import * as v from "valibot";
import { expect, test } from "vitest";
import { PreviewSchema, type Preview } from "./preview-schema.ts";
import { DEFAULT_LIMITS, preview, previewAt } from "./serialize.ts";

// Each special value gets its own readable form.
test("special values", () => {
  expect(preview(undefined)).toEqual({ type: "special", text: "undefined" });
  expect(preview(NaN)).toEqual({ type: "special", text: "NaN" });
  expect(preview(-Infinity)).toEqual({ type: "special", text: "-Infinity" });
  expect(preview(-0)).toEqual({ type: "special", text: "-0" });
  expect(preview(10n)).toEqual({ type: "special", text: "10n" });
  expect(preview(Symbol("s"))).toEqual({ type: "special", text: "Symbol(s)" });
  expect(preview(function load() {})).toEqual({ type: "special", text: "ƒ load()" });
  expect(preview(new Date(0))).toEqual({ type: "date", text: "1970-01-01T00:00:00.000Z" });
  expect(preview(new Date(NaN))).toEqual({ type: "date", text: "Invalid Date" });
  expect(preview(new Map([["a", 1]]))).toEqual({ type: "map", size: 1, entries: [[{ type: "primitive", value: "a" }, { type: "primitive", value: 1 }]] });
  expect(preview(new Set([1]))).toEqual({ type: "set", size: 1, items: [{ type: "primitive", value: 1 }] });
  expect(preview(new Uint8Array([7]))).toMatchObject({ type: "array", className: "Uint8Array", length: 1 });
  class Project {
    id = 1;
  }
  expect(preview(new Project())).toMatchObject({ type: "object", className: "Project", entries: [["id", { type: "primitive", value: 1 }]] });
  expect(preview(new TypeError("bad"))).toMatchObject({ type: "error", name: "TypeError", message: "bad", thrown: false });
});

// Cycles become refs to the path where the value was first shown.
test("cycles", () => {
  const a: Record<string, unknown> = { name: "a" };
  a.self = a;
  expect(preview(a)).toEqual({
    type: "object",
    className: "Object",
    entries: [
      ["name", { type: "primitive", value: "a" }],
      ["self", { type: "ref", path: [] }],
    ],
    more: 0,
  });
});

// Limits cut strings, lists and depth, keeping paths to expand later.
test("limits and expansion", () => {
  const limits = { depth: 1, items: 2, string: 3, nodes: 100 };
  expect(preview("abcdef", limits)).toEqual({ type: "primitive", value: "abc", truncated: 6 });
  expect(preview([1, 2, 3], limits)).toMatchObject({ type: "array", length: 3, items: [{ value: 1 }, { value: 2 }] });
  const deep = { a: { b: { c: 1 } } };
  expect(preview(deep, limits)).toMatchObject({ entries: [["a", { type: "collapsed", className: "Object", size: 1, path: ["a"] }]] });
  expect(previewAt(deep, ["a"], limits)).toMatchObject({ entries: [["b", { type: "collapsed", path: ["a", "b"] }]] });
  expect(previewAt(new Map([["k", { x: 1 }]]), [0, 1])).toMatchObject({ type: "object", entries: [["x", { value: 1 }]] });
});

// Hostile values: throwing getters, proxies that throw on every trap, revoked proxies.
test("hostile values never throw and stay valid previews", () => {
  const getter = Object.defineProperty({}, "boom", {
    enumerable: true,
    get() {
      throw new RangeError("getter exploded");
    },
  });
  const trap = new Proxy({}, { ownKeys: () => { throw new Error("no keys"); }, getPrototypeOf: () => { throw new Error("no proto"); } });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const corpus = [getter, trap, revoked, { big: "x".repeat(1_000_000) }, Array.from({ length: 100_000 }, (_, i) => i), new Response("hi"), Promise.resolve(1)];
  for (const value of corpus) {
    const p = preview(value);
    expect(v.safeParse(PreviewSchema, p).success).toBe(true);
    expect(JSON.stringify(p).length).toBeLessThan(50_000);
  }
  expect(preview(getter)).toMatchObject({ entries: [["boom", { type: "error", name: "RangeError", message: "getter exploded", thrown: true }]] });
  expect(preview(revoked)).toMatchObject({ type: "error", thrown: true });
});

// Form submissions (FormData, URLSearchParams) show their fields and expand by field name.
test("form data", () => {
  const form = new URLSearchParams({ projectId: "1", title: "Write tests" });
  expect(preview(form)).toEqual({
    type: "object",
    className: "URLSearchParams",
    entries: [
      ["projectId", { type: "primitive", value: "1" }],
      ["title", { type: "primitive", value: "Write tests" }],
    ],
    more: 0,
  });
  const data = new FormData();
  data.append("title", "x");
  expect(preview(data)).toMatchObject({ className: "FormData", entries: [["title", { type: "primitive", value: "x" }]] });
  expect(previewAt(form, ["title"])).toEqual({ type: "primitive", value: "Write tests" });
});

// A corpus of hostile and awkward page values: nothing throws, every preview passes the schema,
// and its size stays within what the limits allow, however big the value.
test("hostile corpus: valid, bounded previews", () => {
  const [store] = createStore({ user: { name: "ada", tags: ["a", "b"] }, list: Array.from({ length: 100 }, (_, i) => ({ i })) });
  class Account {
    #secret = 1;
    id = 7;
    get balance(): number {
      throw new Error("prototype getter: never read");
    }
    reveal() {
      return this.#secret;
    }
  }
  const throwingGetters = Object.defineProperties({}, Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`g${i}`, { enumerable: true, get: () => { throw new TypeError(`getter ${i}`); } }])));
  const manyKeys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
  let deepObject: unknown = { bottom: true };
  for (let i = 0; i < 1000; i++) deepObject = { next: deepObject };
  let deepArray: unknown = [];
  for (let i = 0; i < 1000; i++) deepArray = [deepArray];
  let deepMap: unknown = new Map();
  for (let i = 0; i < 1000; i++) deepMap = new Map([["next", deepMap]]);
  const cyclicMap = new Map<string, unknown>();
  cyclicMap.set("self", cyclicMap);
  const huge = "x".repeat(1_000_000);
  const named = Object.defineProperty(function () {}, "name", { value: huge });
  const throwingName = Object.defineProperty(function () {}, "name", { get: () => { throw new Error("name"); } });
  class Huge {}
  Object.defineProperty(Huge, "name", { value: huge });
  const throwingConstructor = Object.create(Object.defineProperty({}, "constructor", { get: () => { throw new Error("constructor"); } }));
  const { proxy: revokedProto, revoke } = Proxy.revocable({}, {});
  const onRevokedProto = Object.create(revokedProto);
  revoke();
  const errorWithCause = new Error("outer", { cause: new Error("inner", { cause: cyclicMap }) });
  const throwingError = Object.defineProperty(new Error("x"), "message", { get: () => { throw new Error("message"); } });
  const sparse: unknown[] = [];
  sparse[4_294_967_294] = 1;

  const corpus: Record<string, unknown> = {
    solidStore: store,
    solidStoreList: store.list,
    promise: Promise.resolve(1),
    rejectedPromise: (() => {
      const rejected = Promise.reject(new Error("no"));
      rejected.catch(() => {});
      return rejected;
    })(),
    response: new Response("body", { status: 418, headers: { "x-a": "1" } }),
    typedArrays: [new Uint8Array(1_000_000), new Float64Array([NaN, -0, Infinity]), new BigInt64Array([1n, -1n]), new Uint8ClampedArray(3)],
    dataView: new DataView(new ArrayBuffer(8)),
    arrayBuffer: new ArrayBuffer(16),
    classInstance: new Account(),
    errorWithCause,
    throwingError,
    throwingGetters,
    manyKeys,
    hugeString: huge,
    hugeStrings: Array.from({ length: 100 }, () => huge),
    hugeKey: { [huge]: { nested: { deeper: { deepest: { bottom: 1 } } } } },
    hugeName: named,
    hugeClass: new Huge(),
    hugeSymbol: Symbol(huge),
    hugeBigInt: 10n ** 20_000n,
    throwingName,
    throwingConstructor,
    onRevokedProto,
    deepObject,
    deepArray,
    deepMap,
    cyclicMap,
    sparse,
    boxed: [new String("s"), new Number(1), new Boolean(false), Object(1n), Object(Symbol("s"))],
    regexp: /x/g,
    weak: [new WeakMap(), new WeakSet(), new WeakRef({})],
    nullProto: Object.assign(Object.create(null), { a: 1 }),
    symbolKeys: { [Symbol("hidden")]: 1, shown: 2 },
    grid: Array.from({ length: 50 }, () => Array.from({ length: 50 }, () => huge)),
  };
  corpus.everything = { ...corpus };

  const limit = (DEFAULT_LIMITS.nodes + DEFAULT_LIMITS.items) * (DEFAULT_LIMITS.string + 200);
  for (const [name, value] of Object.entries(corpus)) {
    let result: Preview | undefined;
    expect(() => (result = preview(value)), name).not.toThrow();
    const parsed = v.safeParse(PreviewSchema, result);
    expect(parsed.success ? "valid" : parsed.issues[0].message, name).toBe("valid");
    expect(JSON.stringify(result).length, name).toBeLessThan(limit);
  }
  expect((preview(corpus.typedArrays) as { items: Preview[] }).items[0]).toMatchObject({ type: "array", className: "Uint8Array", length: 1_000_000 });
  expect(preview(corpus.dataView)).toEqual({ type: "object", className: "DataView", entries: [], more: 0 });
  expect(preview(corpus.hugeKey)).toMatchObject({ entries: [[`${"x".repeat(2000)}…`, { type: "object" }]] });
  expect(preview(named)).toEqual({ type: "special", text: `ƒ ${"x".repeat(2000)}…()` });
  expect(preview(store)).toMatchObject({ type: "object", className: "Object", entries: [["user", { type: "object" }], ["list", { type: "array", length: 100 }]] });
  expect(preview(new Account())).toMatchObject({ className: "Account", entries: [["id", { type: "primitive", value: 7 }]] });
  expect(preview(errorWithCause)).toMatchObject({ type: "error", name: "Error", message: "outer" });
});
