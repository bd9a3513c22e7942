/*
 * Parity: the instrumented router behaves exactly like the untouched one.
 *
 * How we get an untouched router in the same test: `@solidjs/router` resolves (solid export
 * condition) to dist/index.jsx, which imports dist/data/query.js and action.js: the files the
 * plugin patches. Each package also ships dist/index.js, a single-file bundle with its own copy
 * of the cache and actions; the plugin only touches dist/data/(query|action).js, so importing
 * that bundle by file path gives the same router version, unpatched, sharing the same solid-js.
 * The test checks it really is unpatched (it reports nothing to the hook), then runs one
 * scenario (load, preload, navigation, two actions, revalidate) through both and compares
 * rendered text, fetcher calls and action results at every step.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as patched from "@solidjs/router";
import { render } from "solid-js/web";
import { afterEach, expect, test } from "vitest";
import { hook, lines, reset, settle } from "./test-fixture.tsx";

type Router = typeof patched;
/** Each tested router package's single-file bundle, by the version it holds (the matrix aliases them). */
const unpatchedBuilds: Record<string, () => Promise<unknown>> = {
  [versionOf("@solidjs/router")]: () => import("../node_modules/@solidjs/router/dist/index.js"),
  [versionOf("router-1-0-0")]: () => import("../node_modules/router-1-0-0/dist/index.js"),
  [versionOf("router-0-16")]: () => import("../node_modules/router-0-16/dist/index.js"),
  [versionOf("router-0-15")]: () => import("../node_modules/router-0-15/dist/index.js"),
};
function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(resolve(import.meta.dirname, "../node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
}
async function unpatchedRouter(): Promise<Router> {
  return (await unpatchedBuilds[hook().routerVersion]()) as Router;
}

afterEach(reset);

/** The scenario, written against whichever router module it is given. Returns what it observed. */
async function scenario(R: Router) {
  const fetches: Record<string, number> = {};
  const getItem = R.query(async (id: string) => `${id}#${(fetches[id] = (fetches[id] ?? 0) + 1)}`, "parity");
  const save = R.action(async (id: string) => R.json(`saved ${id}`, { revalidate: getItem.keyFor(id) }), "save");
  const touchAll = R.action(async () => "all", "all");
  let preload!: ReturnType<Router["usePreloadRoute"]>;
  let navigate!: ReturnType<Router["useNavigate"]>;
  let run!: (id: string) => Promise<unknown>;
  let runAll!: () => Promise<unknown>;
  const Home = () => {
    preload = R.usePreloadRoute();
    navigate = R.useNavigate();
    const a = R.createAsync(() => getItem("a"));
    return <p>{a()}</p>;
  };
  const Detail = () => {
    run = R.useAction(save);
    runAll = R.useAction(touchAll);
    const a = R.createAsync(() => getItem("a"));
    const b = R.createAsync(() => getItem("b"));
    return <p>{a()} {b()}</p>;
  };
  const container = document.createElement("div");
  document.body.append(container);
  const stop = render(() => (
    <R.MemoryRouter history={R.createMemoryHistory()}>
      <R.Route path="/" component={Home} />
      <R.Route path="/b" component={Detail} preload={() => getItem("b")} />
    </R.MemoryRouter>
  ), container);
  const trace: unknown[] = [];
  const step = async (label: string, result?: unknown) => {
    await settle();
    trace.push({ label, text: container.textContent, fetches: { ...fetches }, result });
  };
  await step("load");
  preload("/b", { preloadData: true });
  await step("preload");
  navigate("/b");
  await step("navigate");
  await step("json action", await run("b"));
  await step("default action", await runAll());
  await R.revalidate(getItem.key);
  await step("revalidate");
  stop();
  container.remove();
  R.query.clear();
  return trace;
}

// The same scenario gives the same renders, fetches and results with and without the runtime.
test("patched and unpatched routers behave identically", async () => {
  const original = await unpatchedRouter();
  expect(original.query).not.toBe(patched.query);
  hook().clearLog();
  const withoutRuntime = await scenario(original);
  expect(hook().snapshot().events).toEqual([]); // the bundle is really not instrumented
  const withRuntime = await scenario(patched);
  expect(withRuntime).toEqual(withoutRuntime);
  expect(withoutRuntime).toEqual([
    { label: "load", text: "a#1", fetches: { a: 1 } },
    { label: "preload", text: "a#1", fetches: { a: 1, b: 1 } },
    { label: "navigate", text: "a#1 b#1", fetches: { a: 1, b: 1 } },
    { label: "json action", text: "a#1 b#2", fetches: { a: 1, b: 2 }, result: "saved b" },
    { label: "default action", text: "a#2 b#3", fetches: { a: 2, b: 3 }, result: "all" },
    { label: "revalidate", text: "a#3 b#4", fetches: { a: 3, b: 4 } },
  ]);
  // And the runtime saw exactly the fetches the router made.
  const starts = lines(["fetch-start"]);
  expect(starts.filter((l) => l.includes('parity["a"]'))).toHaveLength(3);
  expect(starts.filter((l) => l.includes('parity["b"]'))).toHaveLength(4);
});
