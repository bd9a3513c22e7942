// One project on the projects page: its own projectTasks query, the rename form
// (renameProjectAction: single-flight) and the task list.
import { createAsync, useSubmission } from "@solidjs/router";
import { createMemo, Show } from "solid-js";
import type { Project } from "../lib/db";
import { getProjectTasksQuery, renameProjectAction } from "../lib/queries";
import TaskList from "./TaskList";

export default function ProjectCard(props: { project: Project }) {
  // Memo: a refetched project list gives new objects; the id (and so the query) stays put.
  const id = createMemo(() => props.project.id);
  const tasks = createAsync(() => getProjectTasksQuery(id()));
  const rename = useSubmission(renameProjectAction, ([form]) => form.get("projectId") === id());
  return (
    <article class="card" data-project={id()}>
      <h2>
        {props.project.name} <small>v{props.project.version}</small>
      </h2>
      <form id={`rename-project-form-${id()}`} action={renameProjectAction} method="post">
        <input type="hidden" name="projectId" value={id()} />
        <input name="name" placeholder="New name" />
        <button type="submit" disabled={rename.pending}>Rename</button>
        <Show when={rename.error}>{(error) => <span class="error">{String(error())}</span>}</Show>
      </form>
      <TaskList projectId={id()} tasks={tasks()} />
    </article>
  );
}
