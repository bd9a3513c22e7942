/* What the overlay remembers: read back field by field over the defaults, never thrown on, sizes kept within the window. */
import { expect, test } from "vitest";
import { LAYOUT_KEY, MIN_SIZE, clampSize, defaultLayout, loadLayout, saveLayout } from "./layout.ts";

const memory = (initial?: string) => {
  const items = new Map<string, string>(initial === undefined ? [] : [[LAYOUT_KEY, initial]]);
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};
const fallback = defaultLayout(false, "bottom");

test("saved, then loaded as it was", () => {
  const storage = memory();
  const layout = { open: true, position: "right" as const, size: { bottom: 250, right: 600 } };
  saveLayout(storage, layout);
  expect(loadLayout(storage, fallback)).toEqual(layout);
});

test("nothing stored, or no storage: the defaults from the options", () => {
  expect(loadLayout(memory(), fallback)).toEqual(fallback);
  expect(loadLayout(undefined, defaultLayout(true, "right"))).toEqual(defaultLayout(true, "right"));
});

test("malformed fields keep the defaults, good ones are kept", () => {
  expect(loadLayout(memory("{not json"), fallback)).toEqual(fallback);
  expect(loadLayout(memory("[1]"), fallback)).toEqual(fallback);
  expect(loadLayout(memory('{"open":"yes","position":"left","size":{"bottom":"big","right":480}}'), fallback)).toEqual({
    ...fallback,
    size: { bottom: fallback.size.bottom, right: 480 },
  });
});

test("storage that throws (full, denied) is ignored", () => {
  const broken = {
    getItem: () => {
      throw new Error("denied");
    },
    setItem: () => {
      throw new Error("full");
    },
  };
  expect(() => saveLayout(broken, fallback)).not.toThrow();
  expect(loadLayout(broken, fallback)).toEqual(fallback);
});

test("sizes stay between the minimum and the window less a margin", () => {
  expect(clampSize(10, 800)).toBe(MIN_SIZE);
  expect(clampSize(5000, 800)).toBe(760);
  expect(clampSize(300.6, 800)).toBe(301);
});
