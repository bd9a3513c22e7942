/*
 * The overhead workload: a real Solid Router app. A grid observes queries × instances query
 * instances; each action (the router's default: no revalidate option) invalidates and refetches
 * every active one; then detail routes are preloaded and navigated to. Built with and without
 * queryDevtools() and timed from inside the page through window.__bench.
 */
import { Route, Router, action, createAsync, query, useAction, useNavigate, usePreloadRoute, type RouteSectionProps } from "@solidjs/router";
import { For, Show, Suspense, createEffect, type JSX } from "solid-js";
import { render } from "solid-js/web";
import type { AppBench, WorkloadSize } from "./api.ts";
import { report, shownCount, whenShown } from "./app-counter.ts";

/** The fake API's state: every value carries the version current when it was fetched. */
let version = 0;
const value = (q: number, i: number) => ({
  id: i,
  query: q,
  version,
  title: `Item ${q}/${i}`,
  tags: ["alpha", "beta", "gamma"],
  owner: { id: i % 7, name: "bench" },
  updatedAt: new Date(0),
});
type Value = ReturnType<typeof value>;

const queries: ((i: number) => Promise<Value>)[] = [];
const q = (n: number) => (queries[n] ??= query(async (i: number) => value(n, i), `q${n}`));
const bump = action(async () => void version++, "bump");

let size: WorkloadSize = { queries: 0, instancesPerQuery: 0, actions: 0, navigations: 0 };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const detailArg = (k: number, i: number) => 1_000 * (k + 1) + i;

let controls: { act: () => Promise<unknown>; navigate: (to: string) => void; preload: (to: string, o: { preloadData: boolean }) => void } | undefined;

function Item(props: { n: number; i: number; group: string }): JSX.Element {
  const data = createAsync(() => q(props.n)(props.i));
  createEffect(() => {
    const current = data();
    if (current) report(props.group, current.version);
  });
  return <span data-v={data()?.version}>{data()?.title}</span>;
}

function Layout(props: RouteSectionProps): JSX.Element {
  const act = useAction(bump);
  controls = { act: () => act(), navigate: useNavigate(), preload: usePreloadRoute() };
  return (
    <>
      <Suspense>
        <For each={range(size.queries)}>
          {(n) => <div>{<For each={range(size.instancesPerQuery)}>{(i) => <Item n={n} i={i} group="grid" />}</For>}</div>}
        </For>
      </Suspense>
      <Suspense>{props.children}</Suspense>
    </>
  );
}

/** Keyed on the route param: the router keeps this component across /detail/:k navigations. */
function Detail(props: RouteSectionProps): JSX.Element {
  return (
    <Show when={props.params.k} keyed>
      {(param) => {
        const k = Number(param);
        return (
          <section>
            <For each={range(size.instancesPerQuery)}>{(i) => <Item n={k % size.queries} i={detailArg(k, i)} group={`detail${k}`} />}</For>
          </section>
        );
      }}
    </Show>
  );
}

function preloadDetail({ params }: { params: Record<string, string | undefined> }) {
  const k = Number(params.k);
  for (const i of range(size.instancesPerQuery)) void q(k % size.queries)(detailArg(k, i));
}

/** Resolves once every message posted before it has been dispatched to all listeners (the content script's too). */
function fence(): Promise<void> {
  const id = Math.random();
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { fence?: number } | null)?.fence !== id) return;
      window.removeEventListener("message", onMessage);
      resolve();
    };
    window.addEventListener("message", onMessage);
    window.postMessage({ fence: id }, "*");
  });
}

async function mount(wanted: WorkloadSize) {
  size = wanted;
  render(
    () => (
      <Router root={Layout}>
        <Route path="/" component={() => null} />
        <Route path="/detail/:k" component={Detail} preload={preloadDetail} />
      </Router>
    ),
    document.getElementById("root")!,
  );
  await whenShown("grid", 0, size.queries * size.instancesPerQuery);
}

const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * One action revalidating everything, done when every grid instance shows the new version. It
 * starts in a later millisecond than the last one ended: the router stamps a revalidation with
 * Date.now(), and one stamped with the same millisecond as the previous one changes no signal.
 */
let lastActionEnd = 0;
async function act() {
  while (Date.now() <= lastActionEnd) await nextTask();
  const next = version + 1;
  await controls!.act();
  await whenShown("grid", next, size.queries * size.instancesPerQuery);
  lastActionEnd = Date.now();
}

async function run(wanted: WorkloadSize) {
  const t0 = performance.now();
  await mount(wanted);
  const t1 = performance.now();
  for (let a = 1; a <= size.actions; a++) await act();
  const t2 = performance.now();
  for (let k = 0; k < size.navigations; k++) {
    controls!.preload(`/detail/${k}`, { preloadData: true });
    await new Promise((resolve) => setTimeout(resolve));
    controls!.navigate(`/detail/${k}`);
    await whenShown(`detail${k}`, version, size.instancesPerQuery);
  }
  await fence();
  const t3 = performance.now();
  return { mountMs: t1 - t0, actionsMs: t2 - t1, navigationMs: t3 - t2, totalMs: t3 - t0, endedAt: performance.timeOrigin + t3, settled: shownCount("grid", size.actions) };
}

/** Events the runtime recorded (ring-buffer content plus what fell out of it). */
function events(): number {
  const hook = (globalThis as { __SOLID_QUERY_DEVTOOLS__?: { snapshot(): { events: unknown[]; dropped: number } } }).__SOLID_QUERY_DEVTOOLS__;
  if (!hook) return 0;
  const { events, dropped } = hook.snapshot();
  return events.length + dropped;
}

const bench: AppBench = {
  run,
  events,
  mount: (instances) => mount({ ...instances, actions: 0, navigations: 0 }),
  async churn(until) {
    let actions = 0;
    // Counting events costs a snapshot, so count every 10 actions only.
    while (until.events !== undefined ? actions % 10 !== 0 || events() < until.events : actions < (until.actions ?? 0)) {
      await act();
      actions++;
    }
    // Only a count by events reads it: a snapshot is no part of an action's cost.
    return { actions, events: until.events === undefined ? 0 : events() };
  },
};
window.__bench = bench;
