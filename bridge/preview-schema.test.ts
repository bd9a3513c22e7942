/*
 * The preview reader inside PreviewSchema: a clean copy of a valid tree, and for an invalid one an
 * issue that says where.
 */
import * as v from "valibot";
import { expect, test } from "vitest";
import { PreviewSchema, checkParsedPreview, type Preview } from "./preview-schema.ts";

const parse = (data: unknown) => v.safeParse(PreviewSchema, data);

test("a valid tree comes out as a clean copy, unknown fields left out", () => {
  const tree: Preview = {
    type: "object",
    className: "Object",
    more: 0,
    entries: [
      ["list", { type: "array", className: "Array", length: 2, items: [{ type: "primitive", value: 1 }, { type: "ref", path: ["list"] }] }],
      ["map", { type: "map", size: 1, entries: [[{ type: "date", text: "2026-01-01T00:00:00.000Z" }, { type: "set", size: 0, items: [] }]] }],
      ["error", { type: "error", name: "TypeError", message: "x", thrown: true }],
      ["deep", { type: "collapsed", className: "Object", size: 3, path: ["deep"] }],
      ["text", { type: "primitive", value: "abc", truncated: 10 }],
    ],
  };
  const withExtras = JSON.parse(JSON.stringify(tree));
  withExtras.extra = 1;
  withExtras.entries[0][1].items[0].extra = { nested: true };
  const result = parse(withExtras);
  expect(result.success && result.output).toEqual(tree);
  expect(result.success && result.output).not.toBe(withExtras);
});

test("an invalid tree is rejected with the path to the problem", () => {
  const bad = { type: "array", className: "Array", length: 1, items: [{ type: "object", className: "O", more: 0, entries: [["a", { type: "primitive", value: {} }]] }] };
  const result = parse(bad);
  expect(result.success).toBe(false);
  expect(result.issues?.[0].message).toBe("Invalid preview at items.0.entries.0.1.value: bad value");
  expect(parse({ type: "nope" }).issues?.[0].message).toBe("Invalid preview at type: unknown type");
  expect(parse({ type: "primitive", value: NaN }).success).toBe(false);
  // Path indexes are what an inspect command may carry back: non-negative integers.
  expect(parse({ type: "ref", path: ["list", 0] }).success).toBe(true);
  for (const segment of [1.5, -1, Infinity, null]) expect(parse({ type: "ref", path: [segment] }).success).toBe(false);
  expect(parse([]).success).toBe(false);
  let deep: Preview = { type: "special", text: "bottom" };
  for (let i = 0; i < 1001; i++) deep = { type: "set", size: 1, items: [deep] };
  expect(parse(deep).issues?.[0].message).toMatch(/nested deeper than 1000$/);
});

test("from JSON, an exact tree is kept as it is; an extra field anywhere makes a clean copy", () => {
  const tree: Preview = {
    type: "object",
    className: "Object",
    more: 0,
    entries: [
      ["list", { type: "array", className: "Array", length: 2, items: [{ type: "primitive", value: 1 }, { type: "ref", path: ["list", 0] }] }],
      ["map", { type: "map", size: 1, entries: [[{ type: "date", text: "2026-01-01T00:00:00.000Z" }, { type: "set", size: 0, items: [] }]] }],
      ["errors", { type: "array", className: "Array", length: 3, items: [{ type: "error", name: "E", message: "x" }, { type: "error", name: "E", message: "x", stack: "at", thrown: false }, { type: "error", name: "E", message: "x", thrown: true }] }],
      ["deep", { type: "collapsed", className: "Object", size: 3, path: ["deep"] }],
      ["shallow", { type: "collapsed", className: "Object", path: [] }],
      ["text", { type: "primitive", value: "abc", truncated: 10 }],
      ["nothing", { type: "special", text: "undefined" }],
    ],
  };
  const parsed = () => JSON.parse(JSON.stringify(tree)) as Preview;
  const exact = parsed();
  expect(checkParsedPreview(exact)).toBe(exact);
  // Every node of the tree, in turn, with one field more than its type has.
  const nodes = (node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] => {
    if (Array.isArray(node)) node.forEach((item) => nodes(item, out));
    else if (node && typeof node === "object") {
      out.push(node as Record<string, unknown>);
      Object.values(node).forEach((value) => nodes(value, out));
    }
    return out;
  };
  const count = nodes(parsed()).length;
  expect(count).toBe(15);
  for (let i = 0; i < count; i++) {
    const withExtra = parsed();
    nodes(withExtra)[i].extra = null;
    const checked = checkParsedPreview(withExtra);
    expect(checked, `node ${i}`).not.toBe(withExtra);
    expect(checked, `node ${i}`).toStrictEqual(tree);
  }
});
