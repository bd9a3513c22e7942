/*
 * Source sites through the real plugin and router: every site an event or entry names is read back
 * from this file and must hold the call it claims (definition, reader, trigger, form, response, link).
 */
import { readFileSync } from "node:fs";
import { A as Link, Route, action, createAsync, json, query, revalidate, useAction, useNavigate } from "@solidjs/router";
import { afterEach, expect, test } from "vitest";
import type { SourceSite } from "../bridge/source-site.ts";
import { SourceSites, sourceSites } from "./source-sites.ts";
import { hook, log, mount, reset, settle } from "./test-fixture.tsx";

let fetched = 0;
const getItem = query(async (id: string) => `${id}#${++fetched}`, "siteItem");
const A = getItem.keyFor("a");
const dynamicName = ["site", "Dynamic"].join("");
const getDynamic = query(async () => "dynamic", dynamicName);

afterEach(async () => {
  await reset();
  fetched = 0;
});

/** The source text at a site, read from its file: what the site says is there. */
function sourceAt(id: unknown): string {
  const path = typeof id === "number" ? sourceSites.editorPath(id) : undefined;
  if (!path) return "unknown";
  const [, file, line, column] = /^(.*):(\d+):(\d+)$/.exec(path)!;
  return readFileSync(file, "utf8").split("\n")[Number(line) - 1].slice(Number(column) - 1);
}
const site = (id: unknown): SourceSite | undefined => (typeof id === "number" ? sourceSites.byId.get(id) : undefined);

function Reader() {
  const value = createAsync(() => getItem("a"));
  return <span>{value()}</span>;
}

test("an entry names its query's definition and its readers with their component, live", async () => {
  const app = mount(() => (
    <>
      <Route path="/" component={Reader} />
      <Route path="/away" component={() => <p>away</p>} />
    </>
  ));
  await settle();
  const entry = hook().entry(A)!;
  expect(sourceAt(entry.definedAt)).toMatch(/^query\(async \(id: string\)/);
  expect(entry.readers).toHaveLength(1);
  const [[reader, count]] = entry.readers!;
  expect(count).toBe(1);
  expect(sourceAt(reader)).toMatch(/^createAsync\(\(\) => getItem\("a"\)\)/);
  expect(site(reader)).toMatchObject({ kind: "reader", component: "Reader", file: "runtime/source-sites.test.tsx" });
  // Leaving the route that reads it removes the reader.
  app.history.set({ value: "/away" });
  await settle();
  expect(hook().entry(A)?.readers).toBeUndefined();
  expect(app.text()).toBe("away");
});

test("a query's name is read when it is defined: a dynamic name still finds its line", async () => {
  expect(await getDynamic()).toBe("dynamic");
  await settle();
  expect(sourceAt(hook().entry(`${dynamicName}[]`)?.definedAt)).toMatch(/^query\(async \(\) => "dynamic", dynamicName\)/);
});

test("the app's revalidate call names its line, and so do the refetches it causes", async () => {
  let refetch!: () => void;
  mount(() => (
    <Route path="/" component={() => {
      refetch = () => void revalidate(getItem.key);
      return <Reader />;
    }} />
  ));
  await settle();
  hook().clearLog();
  refetch();
  await settle();
  const [revalidation] = log(["revalidate"]) as [{ cause: { at?: number } }];
  expect(sourceAt(revalidation.cause.at)).toMatch(/^revalidate\(getItem\.key\)/);
  const [fetch] = log(["fetch-start"]) as [{ revalidation?: { at?: number } }];
  expect(fetch.revalidation?.at).toBe(revalidation.cause.at);
});

test("the app's query.set and query.delete calls name their lines; the router's own removals do not", async () => {
  mount(() => <Route path="/" component={Reader} />);
  await settle();
  hook().clearLog();
  query.set(A, "written");
  await settle();
  query.delete(A);
  await settle();
  const [set] = log(["value-set"]) as [{ via: string; at?: number }];
  expect(set.via).toBe("set");
  expect(sourceAt(set.at)).toMatch(/^query\.set\(A, "written"\)/);
  expect(site(set.at)).toMatchObject({ kind: "query-set", file: "runtime/source-sites.test.tsx" });
  const [removed] = log(["entry-removed"]) as [{ reason: string; at?: number }];
  expect(removed.reason).toBe("delete");
  expect(sourceAt(removed.at)).toMatch(/^query\.delete\(A\)/);
  // query.clear() is no site: its removals name none.
  await getItem("b");
  hook().clearLog();
  query.clear();
  expect(log(["entry-removed"])).toEqual([expect.objectContaining({ reason: "clear", at: undefined })]);
});

test("a link's preload on hover names its <A>; a navigation's fetch names none", async () => {
  const getLinked = query(async (id: string) => `linked ${id}`, "siteLinked");
  const app = mount(() => (
    <>
      <Route path="/" component={() => (
        <nav>
          <Link href="/one">one</Link>
          <Link href="/two">two</Link>
        </nav>
      )} />
      <Route path="/one" preload={() => getLinked("one")} component={() => <p>one</p>} />
      <Route path="/two" preload={() => getLinked("two")} component={() => <p>two</p>} />
    </>
  ));
  await settle();
  hook().clearLog();
  // The router preloads a hovered link's route after 20 ms. (Its focus and touch handlers take only
  // mouse events: they test the event's button.)
  for (const link of app.container.querySelectorAll("a")) {
    link.dispatchEvent(new MouseEvent("mousemove", { bubbles: true }));
    await new Promise((done) => setTimeout(done, 40));
  }
  await settle();
  const starts = log(["fetch-start"]) as { key: string; cause: string; at?: number }[];
  expect(starts.map(({ key, cause }) => [key, cause])).toEqual([[getLinked.keyFor("one"), "preload"], [getLinked.keyFor("two"), "preload"]]);
  expect(sourceAt(starts[0].at)).toMatch(/^<Link href="\/one">one<\/Link>/);
  expect(sourceAt(starts[1].at)).toMatch(/^<Link href="\/two">two<\/Link>/);
  expect(site(starts[0].at)).toMatchObject({ kind: "link", file: "runtime/source-sites.test.tsx" });
  // Invalidated, the same entry is refetched by the navigation: no link named.
  revalidate(getLinked.keyFor("one"));
  hook().clearLog();
  app.history.set({ value: "/one" });
  await settle();
  expect(app.text()).toBe("one");
  expect(log(["fetch-start"])).toEqual([expect.objectContaining({ key: getLinked.keyFor("one"), cause: "revalidate", at: undefined })]);
});

test("an action names its definition, the form or useAction that submitted it, and its json() response", async () => {
  const save = action(async (data: URLSearchParams | string) => json(String(data), { revalidate: getItem.key }), "siteSave");
  let run!: (value: string) => Promise<unknown>;
  const app = mount(() => (
    <Route path="/" component={() => {
      run = useAction(save);
      return (
        <form action={save as never} method="post">
          <input name="title" value="x" />
          <button type="submit">save</button>
        </form>
      );
    }} />
  ));
  await settle();
  hook().clearLog();
  app.container.querySelector("form")!.requestSubmit(app.container.querySelector("button"));
  await settle();
  await run("called");
  await settle();
  const starts = log(["action-start"]) as { definedAt?: number; submittedAt?: number }[];
  expect(starts).toHaveLength(2);
  for (const start of starts) expect(sourceAt(start.definedAt)).toMatch(/^action\(async \(data: URLSearchParams \| string\)/);
  expect(sourceAt(starts[0].submittedAt)).toMatch(/^<form action=\{save as never\}/);
  expect(sourceAt(starts[1].submittedAt)).toMatch(/^useAction\(save\)/);
  const responses = log(["action-response"]) as { at?: number }[];
  expect(responses.map((response) => sourceAt(response.at))).toEqual([expect.stringMatching(/^json\(String\(data\)/), expect.stringMatching(/^json\(String\(data\)/)]);
});

test("a name defined in two files is unknown, never one of them; the same file again moves it (HMR)", () => {
  const sites = new SourceSites();
  const made = Object.assign(() => {}, { key: "twice", keyFor: () => "twice[]" });
  sites.register("a.ts", "/a.ts", "/app/a.ts", [[1, "query", 3, 1, 0], [2, "query", 9, 1, 0]]);
  sites.register("b.ts", "/b.ts", "/app/b.ts", [[3, "query", 5, 1, 0]]);
  sites.define(1, made);
  expect(sites.queryDefinition("twice")).toBe(1);
  sites.define(2, made);
  expect(sites.queryDefinition("twice")).toBe(2);
  sites.define(3, made);
  expect(sites.queryDefinition("twice")).toBeUndefined();
  sites.define(1, made);
  expect(sites.queryDefinition("twice")).toBeUndefined();
});

test("navigation away from a reader during its fetch leaves no reader behind", async () => {
  let go!: (to: string) => void;
  const app = mount(() => (
    <>
      <Route path="/" component={() => {
        go = useNavigate();
        return <Reader />;
      }} />
      <Route path="/away" component={() => <p>away</p>} />
    </>
  ));
  go("/away");
  await settle();
  expect(app.text()).toBe("away");
  expect(hook().entry(A)?.readers).toBeUndefined();
});
