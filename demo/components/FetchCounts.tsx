// Panel listing how many times the fake api was really called for each router query key.
// e2e tests read <li data-fetch-key="projects[]" data-count="2"> from #fetch-counts.
import { For } from "solid-js";
import { callCounts } from "../api";

export default function FetchCounts() {
  return (
    <aside class="panel">
      <h2>Fetch counts</h2>
      <ul id="fetch-counts">
        <For each={Object.keys(callCounts)}>
          {(key) => (
            <li data-fetch-key={key} data-count={callCounts[key]}>
              {key}: {callCounts[key]}
            </li>
          )}
        </For>
      </ul>
    </aside>
  );
}
