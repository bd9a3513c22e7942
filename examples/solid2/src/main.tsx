// Browser entry: one route, every project with its tasks, so projects[] and each projectTasks
// entry are observed at once. Queries are read in memos under a Loading boundary (Solid 2).
import { For, Loading, Show, createMemo, createSignal } from "solid-js";
import { createRouter } from "@solidjs/router";
import { render } from "@solidjs/web";
import type { Project } from "./api";
import { addTaskAction, getProjectTasksQuery, getProjectsQuery, renameProjectAction } from "./queries";

function Projects() {
  const projects = createMemo(() => getProjectsQuery());
  return (
    <section>
      <h1>Projects</h1>
      <Loading fallback={<p>Loading projects…</p>}>
        {/* By index: cards stay mounted when a refetch returns new project objects. */}
        <For each={projects()} keyed={false}>
          {(project) => <ProjectCard project={project()} />}
        </For>
      </Loading>
    </section>
  );
}

function ProjectCard(props: { project: Project }) {
  const [showTasks, setShowTasks] = createSignal(true);
  return (
    <article id={`project-${props.project.id}`}>
      <h2>
        {props.project.name} <small>v{props.project.version}</small>
      </h2>
      <button id={`toggle-tasks-${props.project.id}`} type="button" onClick={() => setShowTasks((shown) => !shown)}>
        {showTasks() ? "Hide tasks" : "Show tasks"}
      </button>
      {/* Hidden, the list's memo is disposed: the entry loses its observer. */}
      <Show when={showTasks()}>
        <TaskList projectId={props.project.id} />
      </Show>
      <form id={`add-task-form-${props.project.id}`} action={addTaskAction} method="post">
        <input type="hidden" name="projectId" value={props.project.id} />
        <input name="title" placeholder="New task" />
        <button type="submit">Add task</button>
      </form>
      <form id={`rename-project-form-${props.project.id}`} action={renameProjectAction} method="post">
        <input type="hidden" name="projectId" value={props.project.id} />
        <input name="name" placeholder="New name" />
        <button type="submit">Rename</button>
      </form>
    </article>
  );
}

function TaskList(props: { projectId: string }) {
  const tasks = createMemo(() => getProjectTasksQuery(props.projectId));
  return (
    <Loading fallback={<p>Loading tasks…</p>}>
      <ul class="tasks">
        <For each={tasks()} keyed={(task) => task.id}>
          {(task) => <li>{task().title}</li>}
        </For>
      </ul>
    </Loading>
  );
}

const Router = createRouter({ routes: [{ path: "/", component: Projects }] });

render(() => <Router>{(props) => props.children}</Router>, document.getElementById("app")!);
