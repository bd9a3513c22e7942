// Route "/projects/:id": one project's tasks. The route's preload (see App.tsx) already
// called getProjectTasksQuery(id) on link hover, so this read is usually a cache hit.
import { createAsync, useParams } from "@solidjs/router";
import TaskList from "../components/TaskList";
import { getProjectsQuery, getProjectTasksQuery } from "../queries";

export default function ProjectDetail() {
  const params = useParams<{ id: string }>();
  const projects = createAsync(() => getProjectsQuery());
  const tasks = createAsync(() => getProjectTasksQuery(params.id));
  const name = () => projects()?.find((p) => p.id === params.id)?.name ?? `Project ${params.id}`;
  return (
    <section>
      <h1>{name()}</h1>
      <TaskList projectId={params.id} tasks={tasks()} />
    </section>
  );
}
