/* Which values can be edited as JSON, and where an edit lands. */
import { expect, test } from "vitest";
import { jsonProblem, withValueAt } from "./json-edit.ts";
import { MAX_PATHS, diffValues } from "./value-diff.ts";

test("only values JSON gives back as they are are editable; the reason names the first place", () => {
  expect(jsonProblem({ a: [1, "x", null, true, { b: {} }] })).toBeUndefined();
  expect(jsonProblem(Object.create(null))).toBeUndefined();
  expect(jsonProblem({ list: [{ when: new Date() }] })).toBe("a Date at list[0].when");
  expect(jsonProblem(new Map())).toBe("a Map");
  expect(jsonProblem({ f: () => 1 })).toBe("a function at f");
  expect(jsonProblem({ u: undefined })).toBe("undefined at u");
  expect(jsonProblem([NaN])).toBe("NaN at [0] (JSON has no such number)");
  expect(jsonProblem({ n: 1n })).toBe("a bigint at n");
  class Todo {}
  expect(jsonProblem([new Todo()])).toBe("a Todo at [0]");
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  expect(jsonProblem(cycle)).toBe("a cycle at self");
  const throwing = Object.defineProperty({}, "x", { enumerable: true, get: () => { throw new Error("nope"); } });
  expect(jsonProblem(throwing)).toBe("reading it threw Error: nope");
  // Shared (not cyclic) references are fine: JSON writes them twice.
  const shared = { a: 1 };
  expect(jsonProblem([shared, shared])).toBeUndefined();
});

test("an edit at a path changes a copy, not the cached value", () => {
  const value = [{ name: "a", tags: ["x"] }];
  expect(withValueAt(value, [0, "name"], "b")).toEqual([{ name: "b", tags: ["x"] }]);
  expect(withValueAt(value, [0, "tags", 1], "y")).toEqual([{ name: "a", tags: ["x", "y"] }]);
  expect(value).toEqual([{ name: "a", tags: ["x"] }]);
  expect(withValueAt(value, [], 5)).toBe(5);
  expect(() => withValueAt(value, [3, "name"], 1)).toThrow("nothing to edit at [3]");
});

test("a diff lists added, removed and changed paths, bounded", () => {
  expect(diffValues({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3], c: true }).paths.map((p) => [p.path, p.change])).toEqual([
    [["b", 1], "changed"],
    [["c"], "added"],
  ]);
  expect(diffValues(new Date(5), new Date(5)).paths).toEqual([]);
  expect(diffValues("x", { a: 1 }).paths).toEqual([expect.objectContaining({ path: [], change: "changed" })]);
  const many = diffValues({}, Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])));
  expect(many.paths).toHaveLength(MAX_PATHS);
  expect(many.more).toBe(100 - MAX_PATHS);
});
