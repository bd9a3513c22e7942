// The app's fake backend: every call is counted under the router key of the query it serves, and
// the page renders the counts (#fetch-counts), so a test sees exactly what was really fetched.
import { createStore } from "solid-js/store";

const [calls, setCalls] = createStore<Record<string, number>>({});
export { calls };
// In a microtask: a query runs inside the reading computation, which must not subscribe to counts.
const count = (key: string) => queueMicrotask(() => setCalls(key, (calls[key] ?? 0) + 1));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const users = new Map([
  [1, "Ada"],
  [2, "Grace"],
]);
const todos: string[] = ["Read the docs"];

export async function fetchUser(key: string, id: number) {
  count(key);
  await sleep(50);
  return { id, name: users.get(id) ?? "unknown" };
}

export async function fetchTodos(key: string) {
  count(key);
  await sleep(50);
  return [...todos];
}

export async function saveTodo(title: string) {
  await sleep(50);
  todos.push(title);
}
