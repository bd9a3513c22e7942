// Fake in-memory backend: projects and their tasks, each call delayed by an artificial latency.
// Reads count their calls under the router key of the query they serve (`callCounts`, a store),
// which the page renders so tests can see exactly how often each query really fetched.
import { createStore } from "solid-js/store";

export type Project = { id: string; name: string; version: number };
export type Task = { id: string; projectId: string; title: string; done: boolean };
export type Range = { from: number; to: number };
export type Stats = Range & { projects: number; tasks: number; done: number };

// Default latency is 150 ms; `?latency=<ms>` in the page URL or setLatency() changes it.
let latency = Number(new URLSearchParams(location.search).get("latency") ?? 150);
export const setLatency = (ms: number) => void (latency = ms);
const SLOW_MS = 2000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const [callCounts, setCallCounts] = createStore<Record<string, number>>({});
export { callCounts };
// Written in a microtask: queries run inside the caller's computation (which must not subscribe
// to counts) and often inside a router transition (which would hold the write until it settles).
const count = (key: string) => queueMicrotask(() => setCallCounts(key, (callCounts[key] ?? 0) + 1));

const projects: Project[] = [
  { id: "1", name: "Website redesign", version: 1 },
  { id: "2", name: "Mobile app", version: 1 },
  { id: "3", name: "Data migration", version: 1 },
];
let nextTaskId = 1;
const task = (projectId: string, title: string, done = false): Task => ({
  id: `t${nextTaskId++}`, projectId, title, done,
});
const tasks: Task[] = [
  task("1", "Sketch wireframes", true), task("1", "Pick a palette"),
  task("2", "Set up CI"), task("2", "Login screen"), task("2", "Push notifications"),
  task("3", "Export old database"), task("3", "Write import script"),
];

function findProject(id: string) {
  const project = projects.find((p) => p.id === id);
  if (!project) throw new Error(`No project ${id}`);
  return project;
}

export async function fetchProjects(key: string): Promise<Project[]> {
  count(key);
  await sleep(latency);
  return projects.map((p) => ({ ...p }));
}

export async function fetchProjectTasks(key: string, projectId: string): Promise<Task[]> {
  count(key);
  await sleep(latency);
  return tasks.filter((t) => t.projectId === projectId).map((t) => ({ ...t }));
}

export async function fetchStats(key: string, range: Range): Promise<Stats> {
  count(key);
  await sleep(SLOW_MS);
  const done = tasks.filter((t) => t.done).length;
  return { ...range, projects: projects.length, tasks: tasks.length, done };
}

/** For queries that fetch no data (the broken one): counts and waits like a real call. */
export async function ping(key: string): Promise<void> {
  count(key);
  await sleep(latency);
}

export async function addTask(projectId: string, title: string): Promise<Task> {
  await sleep(latency);
  findProject(projectId);
  if (!title.trim()) throw new Error("Title is required");
  const created = task(projectId, title.trim());
  tasks.push(created);
  return { ...created };
}

export async function renameProject(id: string, name: string): Promise<void> {
  await sleep(latency);
  if (!name.trim()) throw new Error("Name is required");
  findProject(id).name = name.trim();
}

export async function toggleTask(taskId: string): Promise<void> {
  await sleep(latency);
  const found = tasks.find((t) => t.id === taskId);
  if (!found) throw new Error(`No task ${taskId}`);
  found.done = !found.done;
}

/** Bumps every project's version, so a refetch of `projects[]` visibly changes data. */
export async function touchProjects(): Promise<void> {
  await sleep(latency);
  for (const p of projects) p.version++;
}

export async function failOnPurpose(message: string): Promise<never> {
  await sleep(latency);
  throw new Error(message);
}
