// One project on the projects page: its own projectTasks query, a per-project refetch
// button (revalidate by keyFor), the rename form and the task list. The list has its own
// Suspense and error boundary, so one project's loading or failing tasks (a slow fetch, or the
// devtools' simulated loading and error) show in its card alone.
import { createAsync, revalidate } from "@solidjs/router";
import { ErrorBoundary, Suspense, createEffect, createMemo } from "solid-js";
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
      <ErrorBoundary fallback={(error: Error, reset) => <TasksFailed projectId={id()} error={error} tasks={tasks} reset={reset} />}>
        <Suspense fallback={<p data-tasks-loading={id()}>Loading tasks…</p>}>
          <TaskList projectId={id()} tasks={tasks()} />
        </Suspense>
      </ErrorBoundary>
    </article>
  );
}

/** The tasks failed to load: shows why, and the list again once the query has data again (a refetch, or a restore in the devtools). */
function TasksFailed(props: { projectId: string; error: Error; tasks: { latest: unknown }; reset: () => void }) {
  createEffect(() => {
    try {
      // Throws while the query's latest outcome is the error; a value once it has one again.
      if (props.tasks.latest !== undefined) props.reset();
    } catch {
      // still failing
    }
  });
  return (
    <p class="error" role="alert" data-tasks-error={props.projectId}>
      Tasks failed: {props.error.message}{" "}
      <button onClick={() => revalidate(getProjectTasksQuery.keyFor(props.projectId))}>Retry</button>
    </p>
  );
}
