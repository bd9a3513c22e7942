/*
 * The runtime keeps no value alive that the router let go: after the router deletes an entry and
 * nothing renders it, its value is garbage-collected even though the event log still lists it.
 */
import { Route, createAsync, query } from "@solidjs/router";
import { afterEach, expect, test } from "vitest";
import { hook, mount, reset, settle } from "./test-fixture.tsx";

afterEach(reset);

const collect = (globalThis as { gc?: () => void }).gc;

test("a deleted entry's value is collected", async () => {
  if (!collect) throw new Error("run with --expose-gc (see vite.config.ts)");
  let collected = false;
  const registry = new FinalizationRegistry(() => (collected = true));
  const getBig = query(async () => {
    const value = { rows: new Array(100_000).fill("row") };
    registry.register(value, "value");
    return value;
  }, "big");
  function Rows() {
    const big = createAsync(() => getBig());
    return <p>{big()?.rows.length}</p>;
  }
  const app = mount(() => <Route path="/" component={Rows} />);
  await settle();
  expect(app.text()).toBe("100000");
  app.dispose();
  query.delete(getBig.keyFor());
  await settle();
  expect(hook().snapshot().events.some((e) => e.kind === "entry-removed")).toBe(true);
  for (let i = 0; i < 20 && !collected; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(collected).toBe(true);
});
