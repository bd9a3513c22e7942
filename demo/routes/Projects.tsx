// Route "/": every project with its tasks, so projects[] and all projectTasks["<id>"]
// queries are active at once; plus the page-wide action buttons.
import { createAsync } from "@solidjs/router";
import { Index } from "solid-js";
import GlobalActions from "../components/GlobalActions";
import ProjectCard from "../components/ProjectCard";
import { getProjectsQuery } from "../queries";

export default function Projects() {
  const projects = createAsync(() => getProjectsQuery());
  return (
    <section>
      <h1>Projects</h1>
      <GlobalActions />
      {/* Index, not For: cards stay mounted when a refetch returns new project objects. */}
      <Index each={projects()}>{(project) => <ProjectCard project={project()} />}</Index>
    </section>
  );
}
