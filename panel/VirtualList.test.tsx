/*
 * A followed list that grows past its window renders the rows its end shows at once: a snapshot's
 * first render in the timeline or the waterfall never builds the rows at the top first.
 */
import { cleanup, render } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, expect, test } from "vitest";
import { VirtualList } from "./VirtualList.tsx";

afterEach(cleanup);

test.each([true, false])("follow %s: the first rows rendered for 10,000 items", (follow) => {
  const [items, setItems] = createSignal<number[]>([]);
  const rendered: number[] = [];
  render(() => (
    <VirtualList items={items()} identity={(item) => item} label="list" follow={follow}>
      {(item) => {
        rendered.push(item());
        return <span>{item()}</span>;
      }}
    </VirtualList>
  ));
  setItems(Array.from({ length: 10_000 }, (_, i) => i));
  expect(rendered.length).toBeGreaterThan(10);
  expect(rendered.length).toBeLessThan(100);
  // Following: only rows of the end; else the rows at the top.
  if (follow) expect(Math.min(...rendered)).toBeGreaterThan(9_900);
  else expect(Math.max(...rendered)).toBeLessThan(100);
  expect(rendered).toContain(follow ? 9_999 : 0);
});
