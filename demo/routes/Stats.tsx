// Route "/stats": a slow (~2 s) query taking an object argument; its key is written
// unsorted here ({ to, from }) and the router sorts it: slowStats[{"from":1,"to":30}].
import { createAsync, revalidate } from "@solidjs/router";
import { Suspense } from "solid-js";
import { getSlowStatsQuery } from "../queries";

export default function Stats() {
  const stats = createAsync(() => getSlowStatsQuery({ to: 30, from: 1 }));
  return (
    <section>
      <h1>Stats</h1>
      <button id="refetch-stats" onClick={() => revalidate(getSlowStatsQuery.key)}>Refetch stats</button>
      <Suspense fallback={<p id="stats-loading">Loading stats…</p>}>
        <dl id="stats">
          <dt>Days</dt><dd>{stats()?.from}–{stats()?.to}</dd>
          <dt>Projects</dt><dd>{stats()?.projects}</dd>
          <dt>Tasks done</dt><dd>{stats()?.done} / {stats()?.tasks}</dd>
        </dl>
      </Suspense>
    </section>
  );
}
