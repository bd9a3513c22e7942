/*
 * The router's garbage collection and time-based fetch causes, under fake timers. The router
 * starts its GC interval when query.js loads, so the clock is faked in vi.hoisted, which vitest
 * runs before this file's imports. Only setInterval, clearInterval and Date are faked: promises,
 * setTimeout (used by settle) and microtasks stay real.
 */
import { vi } from "vitest";

vi.hoisted(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
});

import { Route, createAsync, query, useNavigate } from "@solidjs/router";
import { afterAll, afterEach, expect, test } from "vitest";
import { hook, lines, mount, reset, settle } from "./test-fixture.tsx";

let fetched = 0;
const getItem = query(async (id: string) => `${id}#${++fetched}`, "getItem");
const key = (id: string) => getItem.keyFor(id);
/** The router's constants: GC every 5 minutes, of unobserved entries older than 3 minutes. */
const GC_INTERVAL = 300_000;
const PRELOAD_TIMEOUT = 5_000;

afterEach(async () => {
  await reset();
  fetched = 0;
});
afterAll(() => {
  vi.useRealTimers();
});

function Item(props: { id: string }) {
  const value = createAsync(() => getItem(props.id));
  return <span>{value()}</span>;
}

// The router's interval removes old unobserved entries with reason "gc"; young or observed ones stay.
test("gc removes old unobserved entries", async () => {
  await getItem("old");
  mount(() => <Route path="/" component={() => <Item id="watched" />} />);
  await settle();
  vi.advanceTimersByTime(GC_INTERVAL - 60_000);
  await getItem("young"); // 60 s old when the interval fires
  hook().clearLog();
  vi.advanceTimersByTime(60_000);
  expect(lines()).toEqual([`entry-removed ${key("old")} gc`]);
  expect(hook().snapshot().entries.map((e) => e.key)).toEqual([key("watched"), key("young")]);
});

// Reading an unobserved entry older than the preload timeout refetches it: cause "expired".
test("expired read outside navigation", async () => {
  await getItem("a");
  vi.advanceTimersByTime(PRELOAD_TIMEOUT + 1);
  hook().clearLog();
  await getItem("a");
  expect(lines(["fetch-start"])).toEqual([`fetch-start ${key("a")} expired`]);
  expect(fetched).toBe(2);
});

// A navigation that reads an expired entry refetches it with cause "navigation".
test("expired read by a navigation", async () => {
  let navigate!: ReturnType<typeof useNavigate>;
  const Home = () => ((navigate = useNavigate()), <p>home</p>);
  const app = mount(() => (
    <>
      <Route path="/" component={Home} />
      <Route path="/b" component={() => <Item id="b" />} preload={() => getItem("b")} />
    </>
  ));
  await getItem("b");
  await settle();
  vi.advanceTimersByTime(PRELOAD_TIMEOUT + 1);
  hook().clearLog();
  navigate("/b");
  await settle();
  expect(app.text()).toBe("b#2");
  expect(lines(["fetch-start"])).toEqual([`fetch-start ${key("b")} navigation`]);
});
