/*
 * Fuzz: random, malformed and hostile messages through every receiver of the bridge — the page
 * agent, the content script's relay (both sides), the service worker's tab router (both ports) and
 * the panel store. Each gets 12,000 messages from a seeded generator (reproducible: FUZZ_SEED=n
 * replays another sequence), delivered as-is, not structured-cloned, so receivers also meet values
 * no real channel would carry (throwing getters, revoked proxies, functions, symbols, cycles).
 *
 * For every receiver: nothing throws, every message it must count is counted exactly once (and
 * nothing else), every valid message goes through exactly once and comes out valid and cloneable,
 * and a valid message still goes through afterwards. What counts differs by channel, as each
 * receiver defines it: window.postMessage is shared with any script of the page, so there only
 * messages tagged with our source count (untagged ones are foreign traffic, ignored); on our own
 * ports and walls everything invalid counts.
 */
import * as v from "valibot";
import { expect, test } from "vitest";
import { createContentRelay } from "../extension/content-relay.ts";
import { createTabRouter, type RouterPort } from "../extension/tab-router.ts";
import { fakePort } from "../extension/fake-port.ts";
import { createPanelStore } from "../panel/store.ts";
import { createAgent } from "../runtime/agent.ts";
import { noEdits, type DevtoolsHook } from "../runtime/devtools-hook.ts";
import { REJECTED, compileCheck } from "./compiled-check.ts";
import { PreviewSchema, type Preview } from "./preview-schema.ts";
import {
  EXTENSION_SOURCE,
  PAGE_SOURCE,
  PANEL_SOURCE,
  PAGE_FAST_PATHS,
  PARSED_FAST_PATHS,
  PROTOCOL,
  EntrySchema,
  EventSchema,
  PageMessageSpec,
  extensionNotice,
  isTagged,
  pageMessage,
  panelCommand,
  parseExtensionNotice,
  parsePageFrame,
  parsePageMessage,
  parsePanelCommand,
  type DevtoolsEvent,
  type Entry,
  type PageMessage,
  type Parsed,
} from "./protocol.ts";
import { checkedEntries, checkedEvents, entriesToRows, eventsToRows, rowsToEntries, rowsToEvents } from "./frame-rows.ts";
import { decodePageFrame, pageFrame } from "./page-frame.ts";
import { parsePortName } from "./port-wall.ts";
import type { Wall } from "./wall.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_605);
const MESSAGES = 12_000;
/** Each receiver's run takes a few seconds; more on a busy machine. */
const SLOW = { timeout: 120_000 };

// ─── seeded randomness ───────────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, good enough to explore inputs, and the same sequence for the same seed. */
function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number) {
    return Math.floor(this.next() * n);
  }
  chance(p: number) {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

// ─── hostile values ──────────────────────────────────────────────────────────────────────────────

const HUGE = "x".repeat(1_000_000);
/** 200,000 nested arrays: deeper than any recursive walk can go. */
const DEEP: unknown = (() => {
  let value: unknown = [];
  for (let i = 0; i < 200_000; i++) value = [value];
  return value;
})();
const nestedPreview = (depth: number): Preview => {
  let value: Preview = { type: "primitive", value: "bottom" };
  for (let i = 0; i < depth; i++) value = { type: "array", className: "Array", length: 1, items: [value] };
  return value;
};
/** A valid preview too deep for the schema's recursive validation: a stack overflow, caught. */
const DEEP_PREVIEW = nestedPreview(100_000);
const OK_DEEP_PREVIEW = nestedPreview(200);

const boom = (what: string) => () => {
  throw new Error(`hostile ${what}`);
};
const throwingGetter = (key = "value") => Object.defineProperty({}, key, { enumerable: true, get: boom("getter") });
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const trapProxy = (target: object = {}) =>
  new Proxy(target, {
    get: boom("get trap"),
    has: boom("has trap"),
    ownKeys: boom("ownKeys trap"),
    getPrototypeOf: boom("getPrototypeOf trap"),
    getOwnPropertyDescriptor: boom("descriptor trap"),
  });
const cyclic = () => {
  const a: Record<string, unknown> = { type: "array", className: "Array", length: 1 };
  a.items = [a];
  a.self = a;
  return a;
};
const sparse = () => {
  const list: unknown[] = [];
  list[7] = "k";
  return list;
};

const HOSTILE: ((rng: Rng) => unknown)[] = [
  () => throwingGetter(),
  () => revoked(),
  () => trapProxy(),
  (r) => BigInt(r.int(1e9)) ** 3n,
  (r) => Symbol(String(r.int(100))),
  () => function named() {},
  () => async () => {},
  () => class Hostile {},
  () => HUGE,
  () => DEEP,
  () => DEEP_PREVIEW,
  () => cyclic(),
  () => NaN,
  () => Infinity,
  () => -0,
  () => undefined,
  () => null,
  () => new Date(Number.NaN),
  () => /re/g,
  () => new Map([[1, 2]]),
  () => new Set(["k"]),
  () => new Uint8Array(4),
  () => new ArrayBuffer(8),
  () => new Error("hostile", { cause: revoked() }),
  () => Promise.resolve(1),
  () => new WeakMap(),
  () => Object.create(null),
  () => sparse(),
  () => new String("k"),
  () => Object(1),
  () => ({ toString: boom("toString"), valueOf: boom("valueOf") }),
  () => ({ [Symbol.toPrimitive]: boom("toPrimitive") }),
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}'),
  (r) => randomString(r, 4097 + r.int(3000)),
  () => Array.from({ length: 10_001 }, () => "k"),
];
const hostile = (r: Rng) => r.pick(HOSTILE)(r);

// ─── random JSON-ish values ──────────────────────────────────────────────────────────────────────

const ALPHABET = ["a", "b", "Z", "0", " ", "\u0000", "\ud800", "\udfff", "😀", "é", '"', "\\", "[", "{", "\n"];
function randomString(r: Rng, length = r.int(12)): string {
  if (length > 64) return r.pick(ALPHABET).repeat(length);
  let s = "";
  for (let i = 0; i < length; i++) s += r.pick(ALPHABET);
  return s;
}

const SOURCES = [PAGE_SOURCE, PANEL_SOURCE, EXTENSION_SOURCE, "solid-query-devtools", "react-devtools-bridge"];
const KINDS = [
  "hello", "snapshot", "batch", "value", "connect", "disconnect", "get-snapshot", "revalidate", "invalidate", "delete",
  "inspect", "watch", "clear-log", "read-json", "set-value", "simulate", "restore", "page-connected", "page-disconnected", "rejected", "entry-created", "nope",
];
const FIELDS = ["source", "protocol", "kind", "keys", "key", "path", "events", "entries", "removed", "dropped", "url", "count", "type"];

function randomJson(r: Rng, depth = 3): unknown {
  switch (r.int(depth > 0 ? 8 : 5)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, 1, -1, 2, 1.5, 2 ** 53, -(2 ** 31), 1e308, Number.MIN_VALUE, r.int(1e6)]);
    case 3:
      return r.chance(0.3) ? r.pick([...SOURCES, ...KINDS]) : randomString(r);
    case 4:
      return r.chance(0.1) ? hostile(r) : randomString(r, r.int(40));
    case 5:
      return Array.from({ length: r.int(5) }, () => randomJson(r, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = r.int(6); i > 0; i--) object[r.chance(0.5) ? r.pick(FIELDS) : randomString(r)] = randomJson(r, depth - 1);
      return object;
    }
  }
}

/** Random objects that look like ours: a source, a protocol, a kind and fields of the right names. */
function lookalike(r: Rng): unknown {
  const object: Record<string, unknown> = { source: r.pick(SOURCES), protocol: r.chance(0.8) ? PROTOCOL : randomJson(r, 0), kind: r.pick(KINDS) };
  for (let i = r.int(5); i > 0; i--) object[r.pick(FIELDS)] = randomJson(r, 2);
  return object;
}

// ─── valid messages ──────────────────────────────────────────────────────────────────────────────

const KEY_POOL = ["a", 'tasks["1"]', "", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "x".repeat(4096), "\u0000", "\ud800", "😀"];
const key = (r: Rng) => (r.chance(0.6) ? r.pick(KEY_POOL) : randomString(r));
const keyList = (r: Rng) => Array.from({ length: r.int(4) }, () => key(r));
const path = (r: Rng) => Array.from({ length: r.int(4) }, () => (r.chance(0.5) ? r.int(100) : key(r)));

function validPreview(r: Rng, depth = 0): Preview {
  const inner = () => validPreview(r, depth + 1);
  const leafOnly = depth >= 3;
  switch (r.int(leafOnly ? 4 : 9)) {
    case 0:
      return { type: "primitive", value: r.pick(["s", 1, true, null, HUGE.slice(0, 2000)]) };
    case 1:
      return { type: "special", text: r.pick(["undefined", "NaN", "10n", "ƒ load()"]) };
    case 2:
      return { type: "ref", path: path(r) };
    case 3:
      return { type: "collapsed", className: "Object", size: r.int(10), path: path(r) };
    case 4:
      return { type: "array", className: "Array", length: 2, items: [inner(), inner()] };
    case 5:
      return { type: "object", className: "Task", entries: [[key(r), inner()]], more: r.int(3) };
    case 6:
      return { type: "map", size: 1, entries: [[inner(), inner()]] };
    case 7:
      return r.chance(0.1) ? OK_DEEP_PREVIEW : { type: "set", size: 1, items: [inner()] };
    default:
      return { type: "error", name: "TypeError", message: "bad", stack: "at x", thrown: r.chance(0.5) };
  }
}

function validEvent(r: Rng): DevtoolsEvent {
  const base = { seq: r.int(1e6), time: r.int(1e12) };
  const cause = { kind: r.pick(["app", "action", "devtools"] as const), actionId: r.chance(0.5) ? r.int(9) : undefined };
  switch (r.int(11)) {
    case 0:
      return { ...base, kind: "entry-created", key: key(r), query: "tasks", intent: "initial" };
    case 1:
      return { ...base, kind: "fetch-start", key: key(r), fetchId: r.int(9), cause: "revalidate", revalidation: cause };
    case 2:
      return r.chance(0.5)
        ? { ...base, kind: "fetch-settle", key: key(r), fetchId: 1, ok: false, ms: 3, error: validPreview(r) }
        : { ...base, kind: "fetch-settle", key: key(r), fetchId: 1, ok: true, ms: 3, stored: r.chance(0.5) ? true : undefined };
    case 3:
      return { ...base, kind: "value-set", key: key(r), via: r.pick(["fetch", "set"] as const) };
    case 4:
      return { ...base, kind: "invalidated", keys: [key(r), ...keyList(r)], actionId: r.chance(0.5) ? r.int(9) : undefined };
    case 5:
      return { ...base, kind: "observers", key: key(r), count: r.int(5) };
    case 6:
      return { ...base, kind: "entry-removed", key: key(r), reason: r.pick(["gc", "delete", "clear"] as const) };
    case 7:
      return { ...base, kind: "revalidate", requested: r.chance(0.5) ? null : keyList(r), matched: keyList(r), active: [], force: false, cause };
    case 8:
      return { ...base, kind: "action-start", id: 1, name: "save", input: validPreview(r) };
    case 9:
      return { ...base, kind: "action-response", id: 1, revalidate: r.chance(0.5) ? null : keyList(r), singleFlight: keyList(r) };
    default:
      return { ...base, kind: "action-settle", id: 1, ok: true, ms: 2, result: validPreview(r) };
  }
}

function validEntry(r: Rng): Entry {
  return {
    key: key(r),
    query: "tasks",
    args: validPreview(r),
    status: r.pick(["pending", "ready", "error", "stale"] as const),
    updatedAt: r.int(1e12),
    createdAt: r.int(1e12),
    intent: "initial",
    observers: r.int(4),
    fetches: r.int(4),
    hydrated: r.chance(0.5),
    value: r.chance(0.7) ? validPreview(r) : undefined,
  };
}

const list = <T>(r: Rng, make: (r: Rng) => T, max = 4) => Array.from({ length: r.int(max) }, () => make(r));
const url = (r: Rng) => (r.chance(0.05) ? HUGE : r.pick(["http://app.test/", "", "javascript:alert(1)"]));

function validPage(r: Rng): unknown {
  const header = { routerVersion: r.pick(["1.0.0", "0.15.4", ""]), instrumented: r.chance(0.8), url: url(r) };
  switch (r.int(4)) {
    case 0:
      return pageMessage({ kind: "hello", ...header });
    case 1:
      return pageMessage({ kind: "snapshot", ...header, entries: list(r, validEntry), events: list(r, validEvent), dropped: r.int(3) });
    case 2:
      return pageMessage({ kind: "batch", events: list(r, validEvent, 6), entries: list(r, validEntry), removed: keyList(r), dropped: r.int(3) });
    default:
      return pageMessage({ kind: "value", key: key(r), path: path(r), preview: validPreview(r) });
  }
}

/** A valid page message as it travels: its JSON in a frame. */
const validFrame = (r: Rng): unknown => pageFrame(validPage(r) as PageMessage);

/** Whatever the page posts, framed as the agent would; what JSON cannot carry stays as it was (and is no frame). */
function frameOf(data: unknown): unknown {
  try {
    return { source: PAGE_SOURCE, protocol: PROTOCOL, kind: (data as { kind?: unknown }).kind, json: JSON.stringify(data) };
  } catch {
    return data;
  }
}

function validCommand(r: Rng): unknown {
  switch (r.int(13)) {
    case 9:
      return panelCommand({ kind: "read-json", key: key(r) });
    case 10:
      return panelCommand({ kind: "set-value", key: key(r), path: path(r), json: r.pick(["1", '"x"', '{"a":[1,{"b":null}]}', "{oops", ""]) });
    case 11:
      return panelCommand({ kind: "simulate", key: key(r), state: r.pick(["pending", "error"] as const) });
    case 12:
      return panelCommand({ kind: "restore", key: key(r) });
    case 0:
      return panelCommand({ kind: "connect" });
    case 1:
      return panelCommand({ kind: "disconnect" });
    case 2:
      return panelCommand({ kind: "get-snapshot" });
    case 3:
      return panelCommand(r.chance(0.3) ? { kind: "revalidate" } : { kind: "revalidate", keys: keyList(r) });
    case 4:
      return panelCommand({ kind: "invalidate", keys: keyList(r) });
    case 5:
      return panelCommand({ kind: "delete", keys: keyList(r) });
    case 6:
      return panelCommand({ kind: "inspect", key: key(r), path: path(r) });
    case 7:
      return panelCommand({ kind: "watch", keys: keyList(r) });
    default:
      return panelCommand({ kind: "clear-log" });
  }
}

function validNotice(r: Rng): unknown {
  switch (r.int(3)) {
    case 0:
      return extensionNotice({ kind: "page-connected", url: url(r) });
    case 1:
      return extensionNotice({ kind: "page-disconnected" });
    default:
      return extensionNotice({ kind: "rejected", count: r.int(100), lastReason: r.chance(0.8) ? "kind: Invalid key" : undefined });
  }
}

// ─── malformed messages ──────────────────────────────────────────────────────────────────────────

type Slot = { parent: Record<PropertyKey, unknown>; key: string };

const FIXTURES = new Set<unknown>([DEEP, DEEP_PREVIEW, OK_DEEP_PREVIEW]);

/** Every property slot of a message tree (its own objects and arrays: not shared fixtures, not proxies that throw). */
function slots(root: unknown, out: Slot[] = [], seen = new Set<unknown>()): Slot[] {
  if (typeof root !== "object" || root === null || seen.has(root) || FIXTURES.has(root) || out.length > 300) return out;
  seen.add(root);
  try {
    for (const key of Object.keys(root)) {
      out.push({ parent: root as Record<string, unknown>, key });
      slots((root as Record<string, unknown>)[key], out, seen);
    }
  } catch {
    // A hostile value planted by an earlier mutation: nothing more to find inside.
  }
  return out;
}

function mutate(r: Rng, message: unknown, times = 1): unknown {
  const all = slots(message);
  for (let i = 0; i < times && all.length; i++) {
    const { parent, key } = r.pick(all);
    try {
      mutateSlot(r, parent, key);
    } catch {
      // The slot is itself hostile by now (a planted getter or proxy): leave it so.
    }
  }
  return message;
}

function mutateSlot(r: Rng, parent: Record<PropertyKey, unknown>, key: string) {
  const current = parent[key];
  switch (r.int(6)) {
    case 0:
      delete parent[key];
      break;
    case 1:
      parent[key] = hostile(r);
      break;
    case 2:
      parent[key] = randomJson(r, 2);
      break;
    case 3:
      Object.defineProperty(parent, key, { enumerable: true, configurable: true, get: boom(`getter at ${key}`) });
      break;
    case 4: // the same value as another type
      parent[key] = typeof current === "string" ? Number(current) || [current] : typeof current === "number" ? String(current) : typeof current === "object" ? JSON.stringify(current ?? null) : { value: current };
      break;
    default: // strings grow past every limit, numbers become special
      parent[key] = typeof current === "string" ? current + HUGE : typeof current === "number" ? r.pick([NaN, -Infinity, 1n]) : hostile(r);
  }
}

/** A valid message cut short: its last fields gone, at the top or somewhere inside. */
function truncate(r: Rng, message: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(message));
  const targets = [copy, ...slots(copy).map((slot) => slot.parent[slot.key]).filter((value) => typeof value === "object" && value !== null)];
  const target = r.pick(targets) as Record<string, unknown>;
  const keys = Object.keys(target);
  for (const key of keys.slice(keys.length - 1 - r.int(keys.length))) delete target[key];
  if (Array.isArray(target)) target.length = Math.floor(target.length / 2);
  return copy;
}

const WRONG_PROTOCOLS: (() => unknown)[] = [
  () => PROTOCOL - 1, () => PROTOCOL + 1, () => -1, () => 1.5, () => String(PROTOCOL), () => null, () => NaN, () => Infinity, () => 1n, () => undefined, () => [PROTOCOL],
  () => ({ toString: boom("protocol toString") }), () => Object.create(null), () => revoked(), () => Symbol("1"), () => HUGE,
];

interface Sample {
  message: unknown;
  /** What the generator built: the schema must agree (`unknown`: it depends on the mutation). */
  label: "valid" | "invalid" | "unknown";
}

/** One message for a receiver of `valid`'s family, by a strategy picked at random. */
function generate(r: Rng, valid: (r: Rng) => unknown, source: string): Sample {
  const strategy = r.int(100);
  if (strategy < 18) return { message: valid(r), label: "valid" };
  if (strategy < 22) {
    const message = valid(r) as Record<PropertyKey, unknown>;
    message.extra = hostile(r);
    message[Symbol("extra")] = 1;
    Object.defineProperty(message, "unread", { enumerable: true, get: boom("unknown field getter") });
    return { message, label: "valid" }; // unknown fields are never read
  }
  if (strategy < 26) return { message: new Proxy(valid(r) as object, {}), label: "valid" };
  if (strategy < 46) return { message: mutate(r, valid(r), 1 + r.int(3)), label: "unknown" };
  if (strategy < 54) {
    const message = valid(r) as Record<string, unknown>;
    if (r.chance(0.1)) delete message.protocol;
    else message.protocol = r.pick(WRONG_PROTOCOLS)();
    return { message, label: "invalid" };
  }
  if (strategy < 60) return { message: truncate(r, valid(r)), label: "unknown" };
  if (strategy < 63) return { message: JSON.stringify(valid(r)).slice(0, r.int(200)), label: "invalid" };
  if (strategy < 70) return { message: lookalike(r), label: "unknown" };
  if (strategy < 78) return { message: randomJson(r), label: "unknown" };
  if (strategy < 82) return { message: hostile(r), label: "invalid" };
  if (strategy < 86) {
    // Ours by its source, hostile in its kind.
    const message = { source, protocol: PROTOCOL };
    Object.defineProperty(message, "kind", { enumerable: true, get: boom("kind getter") });
    return { message, label: "invalid" };
  }
  if (strategy < 89) {
    const message = valid(r) as object;
    return { message: new Proxy(message, { get: (target, p) => (p === "kind" ? boom("kind trap")() : Reflect.get(target, p)) }), label: "invalid" };
  }
  if (strategy < 91) return { message: trapProxy(valid(r) as object), label: "invalid" };
  if (strategy < 93) return { message: Object.assign(() => {}, valid(r) as object), label: "invalid" };
  if (strategy < 95) {
    const message = valid(r) as Record<string, unknown>;
    message.kind = r.pick([HUGE, "", "CONNECT", "hello ", Symbol("kind"), 1, null]);
    return { message, label: "invalid" };
  }
  if (strategy < 97) {
    // Every kind that has a field, each field 200,000 levels deep.
    const kind = r.pick(KINDS.filter((k) => !["connect", "disconnect", "get-snapshot", "clear-log", "page-disconnected"].includes(k)));
    return { message: { source, protocol: PROTOCOL, kind, keys: DEEP, key: DEEP, events: DEEP, path: DEEP, url: DEEP, count: DEEP, routerVersion: DEEP }, label: "invalid" };
  }
  // The other families' valid messages: right protocol, wrong direction.
  return { message: r.pick([validPage, validCommand, validNotice].filter((family) => family !== valid))(r), label: "unknown" };
}

/** The same sample twice: one for the oracle, one for the receiver, so neither sees the other's reads. */
function twice(seed: number, valid: (r: Rng) => unknown, source: string) {
  return [generate(new Rng(seed), valid, source), generate(new Rng(seed), valid, source)] as const;
}

// ─── receivers under test ────────────────────────────────────────────────────────────────────────

/** A wall that delivers synchronously and without cloning, recording what the receiver sends. */
function rawWall() {
  const listeners = new Set<(message: unknown) => void>();
  const sent: unknown[] = [];
  const wall: Wall = {
    send: (message) => void sent.push(message),
    listen: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
  };
  return { wall, sent, deliver: (message: unknown) => listeners.forEach((listener) => listener(message)) };
}


function stubHook() {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const hook: DevtoolsHook = {
    protocol: PROTOCOL,
    routerVersion: "1.0.0",
    instrumented: true,
    ...noEdits("a stand-in hook"),
    readJson: () => (count("read-json"), { refused: "a stand-in hook" }),
    setValue: () => (count("set-value"), "a stand-in hook"),
    simulate: () => (count("simulate"), "a stand-in hook"),
    restore: () => (count("restore"), "a stand-in hook"),
    snapshot: () => (count("snapshot"), { entries: [], events: [], dropped: 0 }),
    entry: () => (count("entry"), undefined),
    subscribe: () => (count("subscribe"), () => void count("unsubscribe")),
    onRecord: () => (count("notices"), () => void count("stop-notices")),
    lastSeq: () => 0,
    eventsSince: () => ({ events: [], missed: 0 }),
    keys: () => [],
    revalidate: () => void count("revalidate"),
    invalidate: () => void count("invalidate"),
    delete: () => void count("delete"),
    inspect: () => (count("inspect"), { type: "special", text: "undefined" }),
    clearLog: () => void count("clear-log"),
  };
  return { hook, calls };
}

/** Runs the fuzz loop for one receiver channel, with the oracle deciding what it must do. */
interface Channel {
  name: string;
  valid: (r: Rng) => unknown;
  source: string;
  /** The schema of this channel's family: what "valid" means for it. */
  parse: (data: unknown) => Parsed<unknown>;
  /** What the receiver must do with this message, by its own rule. */
  expect: (data: unknown) => "forward" | "count" | "ignore";
  deliver: (data: unknown) => void;
  /** False when `deliver` transforms the message, so the generator's labels no longer apply. */
  labels?: false;
}

interface Tally {
  sent: number;
  forward: number;
  count: number;
  ignore: number;
  thrown: string[];
  byLabel: Record<Sample["label"], number>;
  forwarded: { kind: string; keys?: string[] }[];
}

function newTally(): Tally {
  return { sent: 0, forward: 0, count: 0, ignore: 0, thrown: [], byLabel: { valid: 0, invalid: 0, unknown: 0 }, forwarded: [] };
}

function step(channel: Channel, tally: Tally, seed: number) {
  const [forOracle, forReceiver] = twice(seed, channel.valid, channel.source);
  const outcome = channel.expect(forOracle.message);
  const parsed = channel.parse(forOracle.message);
  // The generator and the schema agree wherever the generator knows the answer.
  if (channel.labels !== false && forOracle.label !== "unknown" && parsed.ok !== (forOracle.label === "valid")) {
    tally.thrown.push(`seed ${seed}: built ${forOracle.label}, schema says ${parsed.ok ? "valid" : `invalid (${parsed.reason})`}`);
  }
  tally.sent++;
  tally[outcome]++;
  tally.byLabel[forOracle.label]++;
  if (outcome === "forward" && parsed.ok) tally.forwarded.push(parsed.message as { kind: string; keys?: string[] });
  try {
    channel.deliver(forReceiver.message);
  } catch (error) {
    tally.thrown.push(`seed ${seed}: ${String(error)}`);
  }
}

const summary: string[] = [];
const report = (name: string, tally: Tally, rejected: number) =>
  summary.push(
    `${name}: ${tally.sent} sent (${tally.byLabel.valid} built valid, ${tally.byLabel.invalid} built invalid, ${tally.byLabel.unknown} random/mutated) → ` +
      `${tally.forward} through, ${rejected} rejections counted (expected ${tally.count}), ${tally.ignore} untagged ignored`,
  );

/** Every forwarded message is a clean copy: valid again and structured-cloneable like on a real port. */
function expectClean(messages: unknown[], parse: (data: unknown) => Parsed<unknown>) {
  for (const message of messages) {
    const again = parse(message);
    expect(again.ok ? "ok" : again.reason).toBe("ok");
    expect(() => structuredClone(message)).not.toThrow();
  }
}

const kindsOf = (messages: readonly unknown[]) => messages.map((message) => (message as { kind: string }).kind);

// The panel store may also get a valid notice from the content script: it parses either family.
const parseForPanel = (data: unknown) => (isTagged(data, EXTENSION_SOURCE) ? parseExtensionNotice(data) : decodePageFrame(data));
const parseFromContent = (data: unknown): Parsed<unknown> => {
  if (!isTagged(data, EXTENSION_SOURCE)) return parsePageFrame(data);
  const parsed = parseExtensionNotice(data);
  return !parsed.ok || parsed.message.kind === "rejected" ? parsed : { ok: false, reason: "not from a content script" };
};

// ─── the receivers ───────────────────────────────────────────────────────────────────────────────

test(`page agent: ${MESSAGES} commands`, SLOW, () => {
  const { hook, calls } = stubHook();
  const panel = rawWall();
  const agent = createAgent(hook, panel.wall, () => "http://app.test/");
  const tally = newTally();
  const channel: Channel = {
    name: "agent",
    valid: validCommand,
    source: PANEL_SOURCE,
    parse: parsePanelCommand,
    // Window traffic: untagged is foreign and ignored; tagged and invalid counts.
    expect: (data) => (!isTagged(data, PANEL_SOURCE) ? "ignore" : parsePanelCommand(data).ok ? "forward" : "count"),
    deliver: panel.deliver,
  };
  for (let i = 0; i < MESSAGES; i++) step(channel, tally, SEED + i);
  expect(tally.thrown).toEqual([]);
  expect(agent.rejected.count).toBe(tally.count);
  expect(agent.rejected.lastReason?.length).toBeLessThanOrEqual(500);

  // Each valid command acted exactly once: replay them on a model of the agent's connection.
  const expected: Record<string, number> = {};
  const bump = (name: string) => (expected[name] = (expected[name] ?? 0) + 1);
  let connected = false;
  for (const command of tally.forwarded) {
    const { kind } = command;
    if (kind === "connect") {
      if (!connected) bump("notices");
      connected = true;
      bump("snapshot");
    } else if (kind === "disconnect") {
      if (connected) bump("stop-notices");
      connected = false;
    } else if (kind === "get-snapshot") bump("snapshot");
    // A watch reads the watched entries at once, for a connected panel.
    else if (kind === "watch") command.keys?.forEach(() => connected && bump("entry"));
    else bump(kind);
  }
  expect(calls).toEqual(expected);
  expect(agent.connected).toBe(connected);
  expectClean(panel.sent, decodePageFrame);

  // Still working: a valid command acts.
  const before = calls.inspect ?? 0;
  panel.deliver(panelCommand({ kind: "inspect", key: "a", path: [] }));
  expect(calls.inspect).toBe(before + 1);
  expect(decodePageFrame(panel.sent.at(-1))).toMatchObject({ ok: true, message: { kind: "value", key: "a" } });
  report("page agent", tally, agent.rejected.count);
  agent.dispose();
});

test(`content script relay: ${MESSAGES} page messages and ${MESSAGES} service-worker messages, interleaved`, SLOW, async () => {
  const page = rawWall();
  const background = rawWall();
  const relay = createContentRelay(page.wall, background.wall, { reportMs: 0 });
  const fromPage = newTally();
  const fromBackground = newTally();
  const pageChannel: Channel = {
    name: "relay/page",
    valid: validFrame,
    source: PAGE_SOURCE,
    // The relay checks the envelope; the body is the panel's to read.
    parse: parsePageFrame,
    expect: (data) => (!isTagged(data, PAGE_SOURCE) ? "ignore" : parsePageFrame(data).ok ? "forward" : "count"),
    deliver: page.deliver,
  };
  const backgroundChannel: Channel = {
    name: "relay/background",
    valid: validCommand,
    source: PANEL_SOURCE,
    parse: parsePanelCommand,
    // Our own port: everything invalid counts.
    expect: (data) => (parsePanelCommand(data).ok ? "forward" : "count"),
    deliver: background.deliver,
  };
  // A model of the relay: a hello while a panel is connected is answered with a connect.
  let panelConnected = false;
  let expectedPageSends = 0;
  for (let i = 0; i < MESSAGES * 2; i++) {
    const fromPageSide = i % 2 === 0;
    const channel = fromPageSide ? pageChannel : backgroundChannel;
    const tally = fromPageSide ? fromPage : fromBackground;
    const forwardedBefore = tally.forwarded.length;
    step(channel, tally, SEED + 1_000_000 + i);
    const forwarded = tally.forwarded[forwardedBefore];
    if (!forwarded) continue;
    if (fromPageSide && forwarded.kind === "hello" && panelConnected) expectedPageSends++;
    if (!fromPageSide) {
      expectedPageSends++;
      if (forwarded.kind === "connect") panelConnected = true;
      if (forwarded.kind === "disconnect") panelConnected = false;
    }
  }
  expect(fromPage.thrown).toEqual([]);
  expect(fromBackground.thrown).toEqual([]);
  expect(relay.rejected.count).toBe(fromPage.count);
  expect(relay.rejectedCommands.count).toBe(fromBackground.count);
  expect(relay.panelConnected).toBe(panelConnected);
  const toBackground = background.sent.filter((message) => isTagged(message, PAGE_SOURCE));
  expect(kindsOf(toBackground)).toEqual(kindsOf(fromPage.forwarded));
  expectClean(toBackground, parsePageFrame);
  expect(page.sent).toHaveLength(expectedPageSends);
  expectClean(page.sent, parsePanelCommand);

  // The panel hears of the page's rejections: once connected, the running count is reported.
  background.deliver(panelCommand({ kind: "connect" }));
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(background.sent.at(-1)).toEqual(
    extensionNotice({ kind: "rejected", count: relay.rejected.count, lastReason: relay.rejected.lastReason, relayed: fromPage.forwarded.length }),
  );
  expectClean(background.sent.filter((message) => isTagged(message, EXTENSION_SOURCE)), parseExtensionNotice);

  // Still working both ways.
  page.deliver(pageFrame(pageMessage({ kind: "value", key: "a", path: [], preview: { type: "special", text: "undefined" } })));
  expect(background.sent.at(-1)).toMatchObject({ kind: "value" });
  background.deliver(panelCommand({ kind: "clear-log" }));
  expect(page.sent.at(-1)).toMatchObject({ kind: "clear-log" });
  report("content relay, page side", fromPage, relay.rejected.count);
  report("content relay, service-worker side", fromBackground, relay.rejectedCommands.count);
  relay.dispose();
});

test(`service worker tab router: ${MESSAGES} messages on a content port and ${MESSAGES} on a panel port, interleaved`, SLOW, () => {
  const router = createTabRouter();
  const content = fakePort("content", { tab: { id: 7 }, frameId: 0, url: "http://app.test/" });
  const panel = fakePort("panel:7");
  router.connect(content);
  router.connect(panel);
  expect(kindsOf(panel.posted)).toEqual(["page-connected"]);
  expect(kindsOf(content.posted)).toEqual(["connect"]);
  content.posted.length = 0;
  panel.posted.length = 0;

  const fromContent = newTally();
  const fromPanel = newTally();
  const contentChannel: Channel = {
    name: "router/content",
    valid: (r) => (r.chance(0.9) ? validFrame(r) : extensionNotice({ kind: "rejected", count: r.int(9) })),
    source: PAGE_SOURCE,
    parse: parseFromContent,
    expect: (data) => (parseFromContent(data).ok ? "forward" : "count"),
    deliver: content.deliver,
  };
  const panelChannel: Channel = {
    name: "router/panel",
    valid: validCommand,
    source: PANEL_SOURCE,
    parse: parsePanelCommand,
    expect: (data) => (parsePanelCommand(data).ok ? "forward" : "count"),
    deliver: panel.deliver,
  };
  for (let i = 0; i < MESSAGES * 2; i++) {
    if (i % 2 === 0) step(contentChannel, fromContent, SEED + 2_000_000 + i);
    else step(panelChannel, fromPanel, SEED + 2_000_000 + i);
  }
  expect(fromContent.thrown).toEqual([]);
  expect(fromPanel.thrown).toEqual([]);
  expect(router.rejectedFromContent.count).toBe(fromContent.count);
  expect(router.rejectedFromPanel.count).toBe(fromPanel.count);
  expect(kindsOf(panel.posted)).toEqual(kindsOf(fromContent.forwarded));
  expect(kindsOf(content.posted)).toEqual(kindsOf(fromPanel.forwarded));
  expectClean(panel.posted, parseFromContent);
  expectClean(content.posted, parsePanelCommand);

  // Still routing, and still only to the right tab.
  const other = fakePort("panel:8");
  router.connect(other);
  content.deliver(pageFrame(pageMessage({ kind: "hello", routerVersion: "1.0.0", instrumented: true, url: "u" })));
  expect(panel.posted.at(-1)).toMatchObject({ kind: "hello" });
  expect(other.posted).toEqual([]);
  panel.deliver(panelCommand({ kind: "get-snapshot" }));
  expect(content.posted.at(-1)).toMatchObject({ kind: "get-snapshot" });
  report("tab router, content port", fromContent, router.rejectedFromContent.count);
  report("tab router, panel port", fromPanel, router.rejectedFromPanel.count);
});

// Connections themselves: junk port names and senders are turned away, never thrown on.
test("service worker tab router: 2,000 random connections", () => {
  const router = createTabRouter();
  const r = new Rng(SEED + 3_000_000);
  const names = ["content", "content:", "content:0af3", "content:XYZ", `content:${"a".repeat(65)}`, "panel:", "panel:1", "panel:-1", "panel:1.5", "panel:NaN", "panel:1e3", "panel: 2", "devtools", "", "panel:\u0000"];
  const senders: RouterPort["sender"][] = [undefined, {}, { tab: {} }, { tab: { id: 1 }, frameId: 3 }, { tab: { id: 2 }, frameId: 0 }, { tab: { id: 2 } }];
  for (let i = 0; i < 2000; i++) {
    const port = fakePort(r.chance(0.8) ? r.pick(names) : randomString(r), r.pick(senders));
    expect(() => router.connect(port)).not.toThrow();
    const named = parsePortName(port.name);
    const ok = named?.kind === "content" ? port.sender?.tab?.id !== undefined && port.sender?.frameId === 0 : named?.kind === "panel";
    expect(port.disconnected).toBe(!ok);
    if (ok && r.chance(0.3)) expect(() => port.drop()).not.toThrow();
    if (ok && r.chance(0.3)) expect(() => port.deliver(r.chance(0.5) ? validCommand(r) : validFrame(r))).not.toThrow();
  }
});

test(`panel store: ${MESSAGES} messages`, SLOW, () => {
  const port = rawWall();
  const store = createPanelStore(port.wall, { maxLog: 2_000, missingAfterMs: 1 });
  const values: unknown[] = [];
  store.onValue((message) => values.push(message));
  const tally = newTally();
  const bodies = newTally();
  const channel: Channel = {
    name: "panel",
    valid: (r) => (r.chance(0.85) ? validFrame(r) : validNotice(r)),
    source: PAGE_SOURCE,
    parse: parseForPanel,
    // The panel's port carries only our messages: everything invalid counts, tagged or not.
    expect: (data) => (parseForPanel(data).ok ? "forward" : "count"),
    deliver: port.deliver,
  };
  // The same generator on the messages inside frames: bodies the relays passed on unread.
  const bodyChannel: Channel = {
    name: "panel/bodies",
    valid: validPage,
    source: PAGE_SOURCE,
    parse: (data) => parseForPanel(frameOf(data)),
    expect: (data) => (parseForPanel(frameOf(data)).ok ? "forward" : "count"),
    deliver: (data) => port.deliver(frameOf(data)),
    labels: false,
  };
  for (let i = 0; i < MESSAGES; i++) {
    step(channel, tally, SEED + 4_000_000 + i);
    step(bodyChannel, bodies, SEED + 4_500_000 + i);
  }
  expect(tally.thrown).toEqual([]);
  expect(bodies.thrown).toEqual([]);
  // The panel's own rejections plus the content script's latest report, computed the same way.
  const fromContent = store.state.rejected.byContentScript;
  expect(store.state.rejected.count).toBe(tally.count + bodies.count + fromContent);
  expect(store.state.rejected.lastReason?.length).toBeLessThanOrEqual(500);
  expect(values).toHaveLength([...tally.forwarded, ...bodies.forwarded].filter((message) => message.kind === "value").length);
  const lastReport = [...tally.forwarded].reverse().find((message) => message.kind === "rejected" || message.kind === "page-connected") as
    | { kind: "rejected"; count: number }
    | { kind: "page-connected" }
    | undefined;
  expect(store.state.rejected.byContentScript).toBe(lastReport?.kind === "rejected" ? lastReport.count : 0);

  // Still working: a valid batch lands.
  port.deliver(pageFrame(pageMessage({ kind: "batch", events: [], entries: [{ ...validEntry(new Rng(1)), key: "fuzz-final" }], removed: [], dropped: 0 })));
  expect(store.entries().get("fuzz-final")).toMatchObject({ key: "fuzz-final" });
  expect(store.state.rejected.count).toBe(tally.count + bodies.count + fromContent);
  report("panel store, frames and notices", tally, store.state.rejected.count - fromContent - bodies.count);
  report("panel store, frame bodies", bodies, bodies.count);
});

// Stateful hostility: getters and proxies that answer differently on each read. No exact count
// is possible (the answer depends on how often a receiver reads), but nothing may throw, at most
// one rejection per message, and everything keeps working.
test("receivers survive values that change under them", () => {
  const r = new Rng(SEED + 5_000_000);
  const flaky = (valid: unknown, source: string): unknown => {
    let reads = 0;
    const message = valid as Record<string, unknown>;
    const fields = Object.keys(message);
    const field = r.pick(fields);
    const good = message[field];
    Object.defineProperty(message, field, {
      enumerable: true,
      get: () => (reads++ % 2 === 0 ? good : r.chance(0.5) ? boom("flaky")() : randomJson(r, 1)),
    });
    return r.chance(0.3)
      ? new Proxy(message, { get: (target, p) => (p === "source" && reads++ % 3 === 2 ? "someone-else" : p === "source" ? source : Reflect.get(target, p)) })
      : message;
  };
  const { hook } = stubHook();
  const agentWall = rawWall();
  const agent = createAgent(hook, agentWall.wall, () => "u");
  const page = rawWall();
  const background = rawWall();
  const relay = createContentRelay(page.wall, background.wall);
  const router = createTabRouter();
  const content = fakePort("content", { tab: { id: 1 }, frameId: 0 });
  const panelPort = fakePort("panel:1");
  router.connect(content);
  router.connect(panelPort);
  content.posted.length = 0; // the connect and page-connected of the setup
  panelPort.posted.length = 0;
  const panelWall = rawWall();
  const store = createPanelStore(panelWall.wall, { missingAfterMs: 1 });
  const N = 1000;
  for (let i = 0; i < N; i++) {
    expect(() => agentWall.deliver(flaky(validCommand(r), PANEL_SOURCE))).not.toThrow();
    expect(() => page.deliver(flaky(validFrame(r), PAGE_SOURCE))).not.toThrow();
    expect(() => background.deliver(flaky(validCommand(r), PANEL_SOURCE))).not.toThrow();
    expect(() => content.deliver(flaky(validFrame(r), PAGE_SOURCE))).not.toThrow();
    expect(() => panelPort.deliver(flaky(validCommand(r), PANEL_SOURCE))).not.toThrow();
    expect(() => panelWall.deliver(flaky(validFrame(r), PAGE_SOURCE))).not.toThrow();
  }
  for (const count of [agent.rejected.count, relay.rejected.count, relay.rejectedCommands.count, router.rejectedFromContent.count, router.rejectedFromPanel.count, store.state.rejected.count]) {
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(N);
  }
  // The relay's reports (once connected) go the same way as the frames.
  expectClean(background.sent.filter((message) => !isTagged(message, EXTENSION_SOURCE)), parsePageFrame);
  expectClean(background.sent.filter((message) => isTagged(message, EXTENSION_SOURCE)), parseExtensionNotice);
  expectClean(page.sent, parsePanelCommand);
  expectClean(panelPort.posted, parsePageFrame);
  expectClean(content.posted, parsePanelCommand);
  expectClean(agentWall.sent, decodePageFrame);
  panelWall.deliver(pageFrame(pageMessage({ kind: "value", key: "k", path: [], preview: { type: "special", text: "x" } })));
  const values: unknown[] = [];
  store.onValue((message) => values.push(message));
  panelWall.deliver(pageFrame(pageMessage({ kind: "value", key: "k", path: [], preview: { type: "special", text: "x" } })));
  expect(values).toHaveLength(1);
  agent.dispose();
  relay.dispose();
});

// The panel's compiled check (compiled-check.ts) and the valibot schema it is compiled from agree on
// every page message the generator makes: the same accepted, the same output, the same rejected.
// Hostile values that throw are left to the receivers' tests above.
test(`compiled page-message check agrees with its valibot schema on ${MESSAGES} messages`, SLOW, () => {
  const check = compileCheck(PageMessageSpec, PAGE_FAST_PATHS);
  const parsedCheck = compileCheck(PageMessageSpec, PARSED_FAST_PATHS);
  const outcome = (run: () => unknown) => {
    try {
      return { value: run() };
    } catch {
      return "throws";
    }
  };
  let accepted = 0;
  let compared = 0;
  for (let i = 0; i < MESSAGES; i++) {
    const [forSpec, forCheck] = twice(SEED + 6_000_000 + i, validPage, PAGE_SOURCE);
    const spec = outcome(() => v.safeParse(PageMessageSpec, forSpec.message, { abortEarly: true }));
    const compiledOutput = outcome(() => check(forCheck.message));
    if (spec === "throws" || compiledOutput === "throws") continue;
    compared++;
    const parsed = spec.value as v.SafeParseResult<typeof PageMessageSpec>;
    const seed = SEED + 6_000_000 + i;
    // The same message as the panel decodes it: parsed from JSON, previews checked in place.
    const json = outcome(() => JSON.stringify(forSpec.message));
    if (json !== "throws" && typeof json.value === "string") {
      const body = () => JSON.parse(json.value as string) as unknown;
      const fromJson = v.safeParse(PageMessageSpec, body(), { abortEarly: true });
      const checked = parsedCheck(body());
      expect(checked !== REJECTED, `seed ${seed}, from JSON`).toBe(fromJson.success);
      if (fromJson.success) expect(checked, `seed ${seed}, from JSON`).toStrictEqual(fromJson.output);
    }
    if (!parsed.success) expect(compiledOutput.value === REJECTED, `seed ${seed}: ${parsed.issues[0].message}`).toBe(true);
    else {
      accepted++;
      expect(compiledOutput.value !== REJECTED, `seed ${seed}`).toBe(true);
      expect(compiledOutput.value, `seed ${seed}`).toStrictEqual(parsed.output);
    }
  }
  expect(accepted).toBeGreaterThan(MESSAGES / 10);
  expect(compared).toBeGreaterThan(MESSAGES * 0.8);
});

// The panel's one-pass decoding of rows (checkedEvents, checkedEntries) agrees with reading the rows
// back into objects and running the schema on them (what gives a rejection its reason): the same
// accepted, the same output, the same rejected, on valid rows and on rows with a cell, a length or
// a whole row changed.
test(`rows checked as they are read agree with the schema on ${MESSAGES} row lists`, SLOW, () => {
  const JUNK = [null, 0, 1, -1, 2, 5, 99, 1.5, 1e308, -1e308, "", "x", "revalidate", true, false, {}, [], { kind: "app" }, { kind: "action", actionId: 1 }, { type: "special", text: "x" }];
  // What JSON.parse can give (the panel decodes parsed text): hostile values become null.
  const plain = (value: unknown): unknown => {
    try {
      return JSON.parse(JSON.stringify(value) ?? "null");
    } catch {
      return null;
    }
  };
  const damage = (r: Rng, rows: unknown[]) => {
    const at = r.int(rows.length);
    const row = rows[at];
    const choice = r.int(6);
    // A revalidation written out once and shared by the rows after it (fetch-start rows are kind 1).
    const written = rows.find((row) => Array.isArray(row) && row[0] === 1 && typeof row[6] === "object" && row[6] !== null) as unknown[] | undefined;
    if (choice === 5 && written) written[6] = r.pick([{ kind: "bogus" }, { kind: "app", actionId: "1" }, [], 3]);
    else if (choice === 0 || !Array.isArray(row)) rows[at] = plain(r.chance(0.5) ? randomJson(r, 2) : r.chance(0.5) ? validEvent(r) : validEntry(r));
    else if (choice === 1) row.length = r.int(row.length + 1);
    else if (choice === 2) row.push(plain(r.pick(JUNK)));
    else row[r.int(row.length + 1)] = plain(r.chance(0.8) ? r.pick(JUNK) : randomJson(r, 1));
  };
  const richEntry = (r: Rng): Entry => ({
    ...validEntry(r),
    ...(r.chance(0.3) ? { gcAt: r.pick([0, r.int(1e12)]), lastFetchMs: 2.5, definedAt: r.int(9), readers: [[r.int(9), r.int(3)] as [number, number]] } : {}),
    ...(r.chance(0.2) ? { valueOmitted: true as const, simulated: r.pick(["pending", "error"] as const), error: validPreview(r) } : {}),
  });
  const counts = { events: { accepted: 0, rejected: 0 }, entries: { accepted: 0, rejected: 0 } };
  for (let i = 0; i < MESSAGES; i++) {
    const r = new Rng(SEED + 7_000_000 + i);
    let shared: DevtoolsEvent | undefined;
    const events = list(r, (r) => {
      const event = validEvent(r);
      // Fetches of one revalidation share its object, which rows write out once.
      if (event.kind === "fetch-start" && shared?.kind === "fetch-start" && r.chance(0.6)) event.revalidation = shared.revalidation;
      if (event.kind === "fetch-start") shared = event;
      return event;
    }, 12);
    const encoded = JSON.parse(JSON.stringify({ events: eventsToRows(events), ...entriesToRows(list(r, richEntry, 6)) })) as { events: unknown[]; entries: unknown[]; timeBase: unknown };
    for (let d = r.chance(0.5) ? r.int(3) + 1 : 0; d > 0; d--) {
      if (encoded.events.length && r.chance(0.6)) damage(r, encoded.events);
      else if (encoded.entries.length) damage(r, encoded.entries);
    }
    const timeBase = r.chance(0.9) ? encoded.timeBase : r.pick([undefined, "x", null]);
    const keep = r.pick([Infinity, 0, 1, r.int(encoded.events.length + 1)]);
    const seed = SEED + 7_000_000 + i;

    const fastEvents = checkedEvents(encoded.events, keep);
    const slowEvents = v.safeParse(v.array(EventSchema), rowsToEvents(encoded.events, keep));
    expect(fastEvents !== undefined, `seed ${seed}: events`).toBe(slowEvents.success);
    if (slowEvents.success) expect(fastEvents, `seed ${seed}: events`).toEqual(slowEvents.output);
    counts.events[slowEvents.success ? "accepted" : "rejected"]++;

    const fastEntries = checkedEntries(encoded.entries, timeBase);
    const slowEntries = v.safeParse(v.array(EntrySchema), rowsToEntries(encoded.entries, timeBase));
    expect(fastEntries !== undefined, `seed ${seed}: entries`).toBe(slowEntries.success);
    if (slowEntries.success) expect(fastEntries, `seed ${seed}: entries`).toEqual(slowEntries.output);
    counts.entries[slowEntries.success ? "accepted" : "rejected"]++;
  }
  for (const { accepted, rejected } of Object.values(counts)) {
    expect(accepted).toBeGreaterThan(MESSAGES / 4);
    expect(rejected).toBeGreaterThan(MESSAGES / 20);
  }
});

test("fuzz figures", () => {
  console.info(`fuzz seed ${SEED}\n${summary.join("\n")}`);
  expect(summary.length).toBe(7);
});

// Keep the schema import honest: the preview fixtures above are what they claim to be.
test("fixtures", () => {
  expect(v.safeParse(PreviewSchema, OK_DEEP_PREVIEW).success).toBe(true);
  expect(parsePageMessage(pageMessage({ kind: "value", key: "k", path: [], preview: DEEP_PREVIEW })).ok).toBe(false);
});
