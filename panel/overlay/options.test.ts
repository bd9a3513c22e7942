/* The overlay's options: defaults for what is missing or unknown, and the toggle shortcut's parsing and matching. */
import { expect, test } from "vitest";
import { matchesShortcut, parseShortcut, resolveOverlayOptions } from "./options.ts";

test("defaults, and unknown values fall back to them", () => {
  expect(resolveOverlayOptions()).toEqual({ initialIsOpen: false, buttonPosition: "bottom-right", position: "bottom", shortcut: "Alt+Shift+D" });
  const hand = JSON.parse('{ "buttonPosition": "middle", "position": "left", "initialIsOpen": "yes", "shortcut": 3 }');
  expect(resolveOverlayOptions(hand)).toEqual(resolveOverlayOptions());
  expect(resolveOverlayOptions({ initialIsOpen: true, buttonPosition: "top-left", position: "right", shortcut: false })).toEqual({
    initialIsOpen: true,
    buttonPosition: "top-left",
    position: "right",
    shortcut: false,
  });
});

const key = (code: string, key: string, mods: { alt?: boolean; shift?: boolean; ctrl?: boolean; meta?: boolean } = {}) => ({
  code,
  key,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
});

test("a letter matches by physical key, whatever character Alt makes it type", () => {
  const shortcut = parseShortcut("Alt+Shift+D")!;
  expect(matchesShortcut(shortcut, key("KeyD", "Î", { alt: true, shift: true }))).toBe(true);
  expect(matchesShortcut(shortcut, key("KeyD", "D", { shift: true }))).toBe(false);
  expect(matchesShortcut(shortcut, key("KeyD", "D", { alt: true, shift: true, ctrl: true }))).toBe(false);
  expect(matchesShortcut(shortcut, key("KeyE", "E", { alt: true, shift: true }))).toBe(false);
});

test("digits, named keys and modifier spellings", () => {
  expect(matchesShortcut(parseShortcut("ctrl + 1")!, key("Digit1", "1", { ctrl: true }))).toBe(true);
  expect(matchesShortcut(parseShortcut("Cmd+F12")!, key("F12", "F12", { meta: true }))).toBe(true);
  expect(matchesShortcut(parseShortcut("Option+`")!, key("Backquote", "`", { alt: true }))).toBe(true);
  expect(parseShortcut("Hyper+D")).toBeUndefined();
  expect(parseShortcut("")).toBeUndefined();
  expect(parseShortcut("Alt+")).toBeUndefined();
});
