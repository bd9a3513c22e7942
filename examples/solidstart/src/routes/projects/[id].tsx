// "/projects/:id": one project's tasks. Its preload runs on link hover, and on the server for a
// single-flight mutation that redirects here (addTaskAction).
import { createAsync, useParams, type RouteDefinition } from "@solidjs/router";
import TaskList from "../../components/TaskList";
import { getProjectsQuery, getProjectTasksQuery } from "../../lib/queries";

export const route = {
  preload: ({ params }) => {
    getProjectsQuery();
    getProjectTasksQuery(params.id!);
  },
} satisfies RouteDefinition;

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
