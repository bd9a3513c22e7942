// "/": every project with its tasks, so projects[] and each projectTasks["<id>"] are active at
// once. The preload is what single-flight mutations render on the server to send new values.
import { createAsync, type RouteDefinition } from "@solidjs/router";
import { Index } from "solid-js";
import ProjectCard from "../components/ProjectCard";
import { getProjectsQuery } from "../lib/queries";

export const route = {
  preload: () => getProjectsQuery(),
} satisfies RouteDefinition;

export default function Projects() {
  const projects = createAsync(() => getProjectsQuery());
  return (
    <section>
      <h1>Projects</h1>
      {/* Index, not For: cards stay mounted when a refetch returns new project objects. */}
      <Index each={projects()}>{(project) => <ProjectCard project={project()} />}</Index>
    </section>
  );
}
