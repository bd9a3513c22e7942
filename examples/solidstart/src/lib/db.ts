// Server-only in-memory data: the demo's projects and tasks, and how many times each query
// really ran on the server, counted under the query's router key (read by /api/fetch-counts).
export type Project = { id: string; name: string; version: number };
export type Task = { id: string; projectId: string; title: string; done: boolean };

const LATENCY_MS = 100;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const counts: Record<string, number> = {};
const projects: Project[] = [
  { id: "1", name: "Website redesign", version: 1 },
  { id: "2", name: "Mobile app", version: 1 },
  { id: "3", name: "Data migration", version: 1 },
];
let nextTaskId = 1;
const task = (projectId: string, title: string, done = false): Task => ({ id: `t${nextTaskId++}`, projectId, title, done });
const tasks: Task[] = [
  task("1", "Sketch wireframes", true), task("1", "Pick a palette"),
  task("2", "Set up CI"), task("2", "Login screen"), task("2", "Push notifications"),
  task("3", "Export old database"), task("3", "Write import script"),
];

function findProject(id: string): Project {
  const project = projects.find((p) => p.id === id);
  if (!project) throw new Error(`No project ${id}`);
  return project;
}

export const fetchCounts = (): Record<string, number> => ({ ...counts });

export async function fetchProjects(key: string): Promise<Project[]> {
  counts[key] = (counts[key] ?? 0) + 1;
  await sleep(LATENCY_MS);
  return projects.map((p) => ({ ...p }));
}

export async function fetchProjectTasks(key: string, projectId: string): Promise<Task[]> {
  counts[key] = (counts[key] ?? 0) + 1;
  await sleep(LATENCY_MS);
  return tasks.filter((t) => t.projectId === projectId).map((t) => ({ ...t }));
}

export async function addTask(projectId: string, title: string): Promise<Task> {
  await sleep(LATENCY_MS);
  findProject(projectId);
  if (!title.trim()) throw new Error("Title is required");
  const created = task(projectId, title.trim());
  tasks.push(created);
  return { ...created };
}

export async function renameProject(id: string, name: string): Promise<void> {
  await sleep(LATENCY_MS);
  if (!name.trim()) throw new Error("Name is required");
  const project = findProject(id);
  project.name = name.trim();
  project.version++;
}
