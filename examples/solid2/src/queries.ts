// The demo's queries (cached reads) and form actions (mutations), written for router 2.0: no
// createAsync (components read queries in memos), formAction, response helpers from @solidjs/web.
import { formAction, query } from "@solidjs/router";
import { respond } from "@solidjs/web";
import * as api from "./api";

// Every query passes its own router key (`keyFor(...)`) to the api, which counts calls by it.
export const getProjectsQuery = query(async (): Promise<api.Project[]> => api.fetchProjects(getProjectsQuery.keyFor()), "projects");

export const getProjectTasksQuery = query(
  async (projectId: string): Promise<api.Task[]> => api.fetchProjectTasks(getProjectTasksQuery.keyFor(projectId), projectId),
  "projectTasks",
);

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

// Returns nothing: the router then revalidates every active query (its default).
export const addTaskAction = formAction(async (form: FormData) => {
  await api.addTask(field(form, "projectId"), field(form, "title"));
}, "addTask");

// Names the one key to revalidate, through respond() (router 1.x's json()).
export const renameProjectAction = formAction(async (form: FormData) => {
  const id = field(form, "projectId");
  await api.renameProject(id, field(form, "name"));
  return respond({ ok: true }, { revalidate: getProjectTasksQuery.keyFor(id) });
}, "renameProject");
