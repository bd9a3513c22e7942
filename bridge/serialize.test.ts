/*
 * Previews of ordinary and hostile values: bounded, readable, valid against the schema, never throwing.
 */
import * as v from "valibot";
import { expect, test } from "vitest";
import { PreviewSchema } from "./preview-schema.ts";
import { preview, previewAt } from "./serialize.ts";

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
