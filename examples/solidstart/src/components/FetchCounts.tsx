// How many times each query really ran on the server, polled from /api/fetch-counts (outside the
// router's cache, so it adds no entries). Tests read <li data-fetch-key data-count> like the demo's.
import { createSignal, For, onCleanup, onMount } from "solid-js";

export default function FetchCounts() {
  const [counts, setCounts] = createSignal<Record<string, number>>({});
  onMount(() => {
    const poll = () =>
      fetch("/api/fetch-counts")
        .then((response) => response.json() as Promise<Record<string, number>>)
        .then(setCounts, () => {});
    poll();
    const timer = setInterval(poll, 500);
    onCleanup(() => clearInterval(timer));
  });
  return (
    <aside class="panel">
      <h2>Server fetch counts</h2>
      <ul id="fetch-counts">
        <For each={Object.keys(counts())}>
          {(key) => (
            <li data-fetch-key={key} data-count={counts()[key]}>
              {key}: {counts()[key]}
            </li>
          )}
        </For>
      </ul>
    </aside>
  );
}
