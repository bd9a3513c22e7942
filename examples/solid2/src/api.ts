// Fake in-memory backend with an artificial latency. Every read counts its calls under the router
// key of the query it serves and shows the count in #fetch-counts (plain DOM, outside Solid: a
// count written during a fetch must not join the router's transition), which the tests read.
export type Project = { id: string; name: string; version: number };
export type Task = { id: string; projectId: string; title: string; done: boolean };

const latency = Number(new URLSearchParams(location.search).get("latency") ?? 100);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const counts = new Map<string, number>();
function count(key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
  const list = document.getElementById("fetch-counts")!;
  let item = [...list.children].find((li) => li.getAttribute("data-fetch-key") === key);
  if (!item) list.append((item = document.createElement("li")));
  item.setAttribute("data-fetch-key", key);
  item.setAttribute("data-count", String(counts.get(key)));
  item.textContent = `${key}: ${counts.get(key)}`;
}

const projects: Project[] = [
  { id: "1", name: "Website redesign", version: 1 },
  { id: "2", name: "Mobile app", version: 1 },
  { id: "3", name: "Data migration", version: 1 },
];
let nextTaskId = 1;
const task = (projectId: string, title: string, done = false): Task => ({ id: `t${nextTaskId++}`, projectId, title, done });
const tasks: Task[] = [
  task("1", "Sketch wireframes", true),
  task("1", "Pick a palette"),
  task("2", "Set up CI"),
  task("2", "Login screen"),
  task("3", "Export old database"),
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

export async function addTask(projectId: string, title: string): Promise<void> {
  await sleep(latency);
  findProject(projectId);
  if (!title.trim()) throw new Error("Title is required");
  tasks.push(task(projectId, title.trim()));
}

export async function renameProject(id: string, name: string): Promise<void> {
  await sleep(latency);
  if (!name.trim()) throw new Error("Name is required");
  const project = findProject(id);
  project.name = name.trim();
  project.version++;
}
