/*
 * Source patches for @solidjs/router 2.0, read from the published 2.0.0 (its anchors are those of
 * the last prerelease, 2.0.0-next.44, unchanged). The cache, its tuple, cacheKeyOp, revalidate and
 * the observer counting are the 1.x ones, so those anchors call the same hooks; what moved: the
 * query function runs unless a hydration payload is adopted, a fetch's value is stored only if no
 * newer fetch or query.set replaced its promise, a fetch that rejects stamps its entry -1 (never
 * fresh: the next read refetches; the runtime reads the stamp so), and action responses
 * (X-Revalidate keys, single-flight data, the revalidation that follows) are applied by query.js's
 * `applyServerResponse`, which the action module now calls with the action's id, and the
 * single-flight consumer with the id of the action whose mutation is in flight. See
 * router-patches.ts for how anchors are applied.
 */
type Sites = Record<"query" | "action", ([anchor: string, replacement: string] | [anchor: string, replacement: string][])[]>;

export const router2Patches: Sites = {
  query: [
    ["let cacheMap = new Map();", "let cacheMap = __sqd.cache(new Map());"],
    ["        force && (entry[0] = 0); //force cache miss", "        force && __sqd.invalidate(entry); //force cache miss"],
    [
      "export function cacheKeyOp(key, fn) {",
      "export function cacheKeyOp(key, fn) {\n    return __sqd.walk(() => __sqdCacheKeyOp(key, fn));\n}\nfunction __sqdCacheKeyOp(key, fn) {",
    ],
    // Stored only while the promise is still the entry's (the router's own check).
    ["                    cached[2] = v;", "                    __sqd.setValue(cached, v);"],
    ["        cached[2] = value;", "        __sqd.setValue(cached, value);"],
    [
      "export function revalidate(key, force = true) {",
      "export function revalidate(key, force = true) {\n    return __sqd.revalidate(key, force, () => __sqdRevalidate(key, force));\n}\nfunction __sqdRevalidate(key, force) {",
    ],
    ["            onCleanup(() => cached[4].count--);", "            onCleanup(() => __sqd.observe(cached, -1));"],
    ["\n                cached[4].count++;", "\n                __sqd.observe(cached, 1);"],
    ["\n            cached[4].count++;", "\n            __sqd.observe(cached, 1);"],
    ["        let tracking;", "        let tracking, __sqdFetch, __sqdId, __sqdHandled;"],
    [
      "        if (!adopted)\n            res = fn(...args);",
      "        if (!adopted) {\n            __sqdFetch = __sqd.fetchStart(key, name, args, intent, cached, now);\n            __sqdId = __sqdFetch?.fetchId;\n" +
        "            try {\n                res = fn(...args);\n            } catch (e) {\n                __sqd.threw(__sqdFetch, __sqdId, e);\n                throw e;\n            }\n" +
        "            __sqdHandled = __sqd.ran(__sqdFetch, __sqdId, res, intent);\n        }",
    ],
    [
      '        inPreloadFn && "then" in res && res.catch(() => { });\n        isServer && serializeForHydration(key, res);\n        return res;\n        // a settled read',
      '        inPreloadFn && !__sqdHandled && "then" in res && res.catch(() => { });\n        isServer && serializeForHydration(key, res);\n        return res;\n        // a settled read',
    ],
    // A plain value (no Response, no respond() envelope) of the entry's current fetch is stored at once.
    [
      "            return async (v) => {",
      "            return async (v) => {\n                __sqdFetch && __sqd.settle(__sqdFetch, __sqdId, !error, v, cached[1] === source && !isResponseEnvelope(v));",
    ],
    ["            if (entry) {\n                adopted = true;", "            if (entry) {\n                adopted = true;\n                __sqd.hydrate(key, name, args, cached, entry);"],
    ["    cachedFn.key = name;", "    cachedFn.key = name;\n    __sqd.defineQuery(name);"],
    [
      "query.set = (key, value) => {",
      "query.set = (key, value) => __sqd.setting(key, () => __sqdSet(key, value));\nconst __sqdSet = (key, value) => {",
    ],
    ["query.delete = (key) => getCache().delete(key);", 'query.delete = (key) => __sqd.removing("delete", () => getCache().delete(key));'],
    ["query.clear = () => getCache().clear();", 'query.clear = () => __sqd.removing("clear", () => getCache().clear());'],
    // An action's response: the action module passes its id (none for a query's response or the
    // single-flight consumer of a server-function call made outside an action).
    [
      "export function applyServerResponse(v, router, navigate, mutation, e, flightData) {",
      "export function applyServerResponse(v, router, navigate, mutation, e, flightData, __sqdId) {",
    ],
    [
      "    sweep && cacheKeyOp(keys, entry => (entry[0] = 0));",
      "    __sqdId && __sqd.actionResponse(__sqdId, keys, flightData ? Object.keys(flightData) : undefined);\n" +
        "    sweep && cacheKeyOp(keys, entry => __sqd.invalidate(entry));",
    ],
    [
      "    sweep && revalidate(keys, false);",
      "    sweep && (__sqdId ? __sqd.withAction(__sqdId, () => revalidate(keys, false)) : revalidate(keys, false));",
    ],
    // Single-flight: the server-function transport hands a mutation's response to this consumer
    // before the mutation returns (the action then leaves it alone); it belongs to the form action
    // whose mutation is in flight, when exactly one is.
    [
      "        applyServerResponse(response, router, router.navigatorFactory(), true, undefined, data);",
      "        applyServerResponse(response, router, router.navigatorFactory(), true, undefined, data, __sqd.mutatingAction());",
    ],
  ],
  action: [
    ["        const form = this.f;", "        const form = this.f;\n        const __sqdId = __sqd.actionStart(url, variables);"],
    ["        const runMutation = () => fn(...variables);", "        const runMutation = () => __sqd.mutation(__sqdId, () => fn(...variables));"],
    // Once per invocation, with what the action settled on (its data, its error, or nothing).
    [
      "            outcome || (outcome = { response, hooks: [...settledHooks.values()] });",
      "            outcome || (__sqd.actionSettle(__sqdId, response), outcome = { response, hooks: [...settledHooks.values()] });",
    ],
    [
      "                const response = applyResponse(read, router, flightApplications !== flightApplicationsBefore);",
      "                const response = applyResponse(read, router, flightApplications !== flightApplicationsBefore, __sqdId);",
    ],
    ["function applyResponse(read, router, metadataHandled) {", "function applyResponse(read, router, metadataHandled, __sqdId) {"],
    [
      "        applyServerResponse(metadata, router, router.navigatorFactory(), true, undefined, flightData);",
      "        applyServerResponse(metadata, router, router.navigatorFactory(), true, undefined, flightData, __sqdId);",
    ],
  ],
};
