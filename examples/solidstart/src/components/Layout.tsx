// App shell around every page: nav links, the page, and the server's fetch counts.
import { A, type RouteSectionProps } from "@solidjs/router";
import { For, Suspense } from "solid-js";
import FetchCounts from "./FetchCounts";

export default function Layout(props: RouteSectionProps) {
  return (
    <div class="layout">
      <nav>
        <A href="/" end>Projects</A> <For each={["1", "2", "3"]}>{(id) => <A href={`/projects/${id}`}>Project {id} </A>}</For>
      </nav>
      <main>
        <Suspense fallback={<p>Loading…</p>}>{props.children}</Suspense>
      </main>
      <FetchCounts />
    </div>
  );
}
