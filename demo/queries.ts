// Router queries (cached reads) and actions (mutations) of the demo, named like the
// Solid Router docs' Revalidation example. Each action shows one revalidation style.
import { action, json, query, reload } from "@solidjs/router";
import * as api from "./api";

// Every query passes its own router key (`keyFor(...)`) to the api, which counts calls by it.
export const getProjectsQuery = query(async () => {
  const key: string = getProjectsQuery.keyFor();
  return api.fetchProjects(key);
}, "projects");

export const getProjectTasksQuery = query(async (projectId: string) => {
  const key: string = getProjectTasksQuery.keyFor(projectId);
  return api.fetchProjectTasks(key, projectId);
}, "projectTasks");

// Object argument on purpose: the router sorts object keys when hashing the cache key.
export const getSlowStatsQuery = query(async (range: { from: number; to: number }) => {
  const key: string = getSlowStatsQuery.keyFor(range);
  return api.fetchStats(key, range);
}, "slowStats");

export const getBrokenQuery = query(async () => {
  const key: string = getBrokenQuery.keyFor();
  await api.ping(key);
  throw new Error("Broken on purpose");
}, "broken");

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

// Returns nothing: the router then revalidates every active query.
export const addTaskAction = action(async (form: FormData) => {
  await api.addTask(field(form, "projectId"), field(form, "title"));
}, "addTask");

// Names the keys to revalidate through json(): only this project's tasks refetch.
export const renameProjectAction = action(async (form: FormData) => {
  const id = field(form, "projectId");
  await api.renameProject(id, field(form, "name"));
  return json({ ok: true }, { revalidate: getProjectTasksQuery.keyFor(id) });
}, "renameProject");

// Same, through reload() with a list of keys.
export const completeTaskAction = action(async (form: FormData) => {
  const projectId = field(form, "projectId");
  await api.toggleTask(field(form, "taskId"));
  return reload({ revalidate: [getProjectTasksQuery.keyFor(projectId)] });
}, "completeTask");

// Raw Response carrying the X-Revalidate header the router reads.
export const headerRevalidateAction = action(async () => {
  await api.touchProjects();
  return new Response(null, { headers: { "X-Revalidate": getProjectsQuery.key } });
}, "touchProjects");

export const failingAction = action(async () => {
  await api.failOnPurpose("Action failed on purpose");
}, "failingAction");
