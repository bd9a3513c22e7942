/*
 * Source patches for the router's own cache, action and link-event modules (dist/data/query.js,
 * dist/data/action.js and dist/data/events.js). Each patch is an exact anchor read from the published 0.15.4, 0.16.3 and
 * 1.0.0 packages (2.0: router2-patches.ts); a patch applies only if every anchor of its
 * file is found exactly once, so a router we have not read is left untouched rather than
 * half-instrumented.
 */
import { router2Patches } from "./router2-patches.ts";

/** Router lines the runtime supports; every other version is left alone with a warning. */
export const SUPPORTED_ROUTER = /^(0\.15|0\.16|1\.0|2\.0)\.\d+$/;
/** The same, for people: the terminal's and the page's warnings name it. */
export const SUPPORTED_LINES = "0.15.x, 0.16.x, 1.0.x, 2.0.x";

export type RouterModule = "query" | "action" | "events";
export const ROUTER_MODULES: readonly RouterModule[] = ["query", "action", "events"];

type Patch = [anchor: string, replacement: string];
/** A router line to patch, or alternatives for a line that differs between supported versions: exactly one must match. */
type Site = Patch | Patch[];

/** The 0.15, 0.16 and 1.0 lines. */
const patches1x: Record<RouterModule, Site[]> = {
  query: [
    ["let cacheMap = new Map();", "let cacheMap = __sqd.cache(new Map());"],
    // Invalidation and value writes go through the runtime, which reports them (0.15 zeroes inside its transition).
    [
      ["    force && cacheKeyOp(key, entry => (entry[0] = 0));", "    force && cacheKeyOp(key, entry => __sqd.invalidate(entry));"],
      ["            force && (entry[0] = 0); //force cache miss", "            force && __sqd.invalidate(entry); //force cache miss"],
    ],
    // One walk over matching entries: the entries it invalidates make one event.
    [
      "export function cacheKeyOp(key, fn) {",
      "export function cacheKeyOp(key, fn) {\n    return __sqd.walk(() => __sqdCacheKeyOp(key, fn));\n}\nfunction __sqdCacheKeyOp(key, fn) {",
    ],
    ["                cached[2] = v;", "                __sqd.setValue(cached, v);"],
    ["        cached[2] = value;", "        __sqd.setValue(cached, value);"],
    [
      "export function revalidate(key, force = true) {",
      "export function revalidate(key, force = true) {\n    return __sqd.revalidate(key, force, () => __sqdRevalidate(key, force));\n}\nfunction __sqdRevalidate(key, force) {",
    ],
    // Observer counts change through the runtime (an accessor on the count would give every entry's
    // signal its own hidden class, and every router and Solid access to it a megamorphic one).
    // The reader's source site (its createAsync, when the app's module was transformed) is read once per subscription.
    ["            onCleanup(() => cached[4].count--);", "            onCleanup(() => __sqd.observe(cached, -1, __sqdReader));"],
    ["\n                cached[4].count++;", "\n                __sqd.observe(cached, 1, __sqdReader);"],
    ["\n            cached[4].count++;", "\n            __sqd.observe(cached, 1, __sqdReader);"],
    // A fetch settles in the router's own response handlers, which see the fetch their call started
    // (none on a cache hit): no extra promise reaction or wrapper per fetch.
    ["        let tracking;", "        let tracking, __sqdFetch, __sqdId, __sqdHandled, __sqdReader = __sqd.reader();"],
    // The router's own call of the query function stays: only the fetch's start and outcome are reported,
    // the start with the router's own timestamp of the call (`now`, the entry's updatedAt).
    [
      "        else\n            res = fn(...args);",
      "        else {\n            __sqdFetch = __sqd.fetchStart(key, name, args, intent, cached, now);\n            __sqdId = __sqdFetch?.fetchId;\n" +
        "            try {\n                res = fn(...args);\n            } catch (e) {\n                __sqd.threw(__sqdFetch, __sqdId, e);\n                throw e;\n            }\n" +
        "            __sqdHandled = __sqd.ran(__sqdFetch, __sqdId, res, intent);\n        }",
    ],
    // A preload's fetch promise has the runtime's reaction (see `ran`), which handles its rejection too: the
    // router's own catch would be a second reaction, each a stack capture with DevTools open.
    [
      '        }\n        inPreloadFn && "then" in res && res.catch(() => { });\n        // serialize on server',
      '        }\n        inPreloadFn && !__sqdHandled && "then" in res && res.catch(() => { });\n        // serialize on server',
    ],
    ["            return async (v) => {", "            return async (v) => {\n                __sqdFetch && __sqd.settle(__sqdFetch, __sqdId, !error, v);"],
    [
      "res = sharedConfig.load(key); // hydrating",
      "res = __sqd.hydrate(key, name, args, cached, sharedConfig.load(key)); // hydrating",
    ],
    ["    cachedFn.key = name;", "    cachedFn.key = name;\n    __sqd.defineQuery(name);"],
    [
      "query.set = (key, value) => {",
      "query.set = (key, value) => __sqd.setting(key, () => __sqdSet(key, value));\nconst __sqdSet = (key, value) => {",
    ],
    [
      "query.delete = (key) => getCache().delete(key);",
      'query.delete = (key) => __sqd.removing("delete", () => getCache().delete(key));',
    ],
    ["query.clear = () => getCache().clear();", 'query.clear = () => __sqd.removing("clear", () => getCache().clear());'],
  ],
  action: [
    ["        const form = this.f;", "        const form = this.f;\n        const __sqdId = __sqd.actionStart(url, variables, form);"],
    [
      "                const result = await handleResponse(res, error, router.navigatorFactory());",
      "                const result = await handleResponse(res, error, router.navigatorFactory(), __sqdId);\n                __sqd.actionSettle(__sqdId, result);",
    ],
    ["async function handleResponse(response, error, navigate) {", "async function handleResponse(response, error, navigate, __sqdId) {"],
    [
      "    cacheKeyOp(keys, entry => (entry[0] = 0));",
      "    __sqd.actionResponse(__sqdId, keys, flightKeys, response);\n    cacheKeyOp(keys, entry => __sqd.invalidate(entry));",
    ],
    ["    await revalidate(keys, false);", "    await __sqd.withAction(__sqdId, () => revalidate(keys, false));"],
  ],
  // A link's preload (focus, touch, hover) names the `<A>` it preloads for: its anchor's site attribute.
  events: [
    [
      '\n            router.preloadRoute(url, a.getAttribute("preload") !== "false");',
      '\n            __sqd.preloading(a, () => router.preloadRoute(url, a.getAttribute("preload") !== "false"));',
    ],
    [
      '\n                router.preloadRoute(url, a.getAttribute("preload") !== "false");\n                lastElement = a;',
      '\n                __sqd.preloading(a, () => router.preloadRoute(url, a.getAttribute("preload") !== "false"));\n                lastElement = a;',
    ],
  ],
};

const footers: Record<RouterModule, string> = {
  query: "\n__sqd.attach({ revalidate, cacheKeyOp, query });\n",
  action: "",
  events: "",
};

const isPatch = (site: Site): site is Patch => typeof site[0] === "string";

/** The id the patched modules import the runtime from; the Vite plugin resolves it. */
export const RUNTIME_ID = "virtual:solid-query-devtools";

/** What every patched module starts with: code that has it was instrumented already (by another copy of the plugin). */
export const PATCHED_MARK = "installRouterDevtools as __sqdInstall";

export interface RuntimeOptions {
  /** Events kept for a panel opened late. */
  bufferSize: number;
}

export function patchRouterModule(module: RouterModule, code: string, version: string, options: RuntimeOptions): string {
  const once = ([anchor]: Patch) => code.split(anchor).length === 2;
  const patches: Partial<Record<RouterModule, Site[]>> = version.startsWith("2.") ? router2Patches : patches1x;
  const sites = patches[module];
  // A module this router line has no patches for is left as it is (2.0's link events moved).
  if (!sites) return code;
  const chosen = sites.map((site) => (isPatch(site) ? [site] : site).filter(once));
  const missing = sites.filter((_, i) => chosen[i].length !== 1).map((site) => (isPatch(site) ? site : site[0])[0].trim());
  if (missing.length) {
    throw new Error(`router ${version} ${module}.js does not match the tested source at: ${missing.join(" | ")}`);
  }
  const header =
    `import { ${PATCHED_MARK} } from ${JSON.stringify(RUNTIME_ID)};\n` +
    `const __sqd = __sqdInstall(${JSON.stringify(version)}, ${JSON.stringify(options)});\n`;
  let patched = code;
  for (const [[anchor, replacement]] of chosen) patched = patched.replace(anchor, () => replacement);
  return header + patched + footers[module];
}

/** What an unsupported router gets instead: a single warning and a hook that says so. */
export function unsupportedRouterHeader(version: string): string {
  return `import { reportUnsupportedRouter as __sqdUnsupported } from ${JSON.stringify(RUNTIME_ID)};\n__sqdUnsupported(${JSON.stringify(version)});\n`;
}
