// One project on the projects page: its own projectTasks query, a per-project refetch
// button (revalidate by keyFor), the rename form and the task list.
import { createAsync, revalidate } from "@solidjs/router";
import { createMemo } from "solid-js";
import type { Project } from "../api";
import { getProjectTasksQuery } from "../queries";
import RenameProjectForm from "./RenameProjectForm";
import TaskList from "./TaskList";

export default function ProjectCard(props: { project: Project }) {
  // Memo: a refetched project list gives new objects; the id (and so the query) stays put.
  const id = createMemo(() => props.project.id);
  const tasks = createAsync(() => getProjectTasksQuery(id()));
  return (
    <article class="card" data-project={id()}>
      <h2>
        {props.project.name} <small>v{props.project.version}</small>
      </h2>
      <button data-refetch-project={id()} onClick={() => revalidate(getProjectTasksQuery.keyFor(id()))}>
        Refetch tasks
      </button>
      <RenameProjectForm projectId={id()} />
      <TaskList projectId={id()} tasks={tasks()} />
    </article>
  );
}
