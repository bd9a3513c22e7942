// The demo's queries and two of its actions, as SolidStart server functions ("use server"): the
// client calls them over /_server, and the server renders and serializes their first values.
import { action, json, query, redirect } from "@solidjs/router";
import * as db from "./db";

// Each query counts its server executions under its own router key (`keyFor(...)`).
export const getProjectsQuery = query(async (): Promise<db.Project[]> => {
  "use server";
  return db.fetchProjects(getProjectsQuery.keyFor());
}, "projects");

export const getProjectTasksQuery = query(async (projectId: string): Promise<db.Task[]> => {
  "use server";
  return db.fetchProjectTasks(getProjectTasksQuery.keyFor(projectId), projectId);
}, "projectTasks");

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

// Single-flight: json(…, { revalidate }) names the project list, and the server sends its new
// value with the response (it renders the page's preload), so the client refetches nothing.
export const renameProjectAction = action(async (form: FormData) => {
  "use server";
  await db.renameProject(field(form, "projectId"), field(form, "name"));
  return json({ ok: true }, { revalidate: getProjectsQuery.key });
}, "renameProject");

// redirect(…, { revalidate }): to the project's page, with its tasks in the same response.
export const addTaskAction = action(async (form: FormData) => {
  "use server";
  const projectId = field(form, "projectId");
  await db.addTask(projectId, field(form, "title"));
  throw redirect(`/projects/${projectId}`, { revalidate: getProjectTasksQuery.keyFor(projectId) });
}, "addTask");
