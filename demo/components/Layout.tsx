// App shell around every page: nav links (hovering a project link runs its route preload),
// the page itself, and the fetch-count panel.
import { A, type RouteSectionProps } from "@solidjs/router";
import { For, Suspense } from "solid-js";
import FetchCounts from "./FetchCounts";

export default function Layout(props: RouteSectionProps) {
  return (
    <div class="layout">
      <nav>
        <A href="/" end>Projects</A>
        <A href="/stats">Stats</A>
        <A href="/broken">Broken</A>
        <For each={["1", "2", "3"]}>{(id) => <A href={`/projects/${id}`}>Project {id}</A>}</For>
      </nav>
      <main>
        <Suspense fallback={<p>Loading…</p>}>{props.children}</Suspense>
      </main>
      <FetchCounts />
    </div>
  );
}
