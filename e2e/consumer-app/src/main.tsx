// A plain Vite + Solid Router app: a query with arguments, one without, and an action that
// revalidates every active query (the router's default).
import { For } from "solid-js";
import { render } from "solid-js/web";
import { Route, Router, action, createAsync, query } from "@solidjs/router";
import { calls, fetchTodos, fetchUser, saveTodo } from "./api";

// Each fetch is counted under the key the router gives it: the name and its JSON arguments.
const getUser = query((id: number) => fetchUser(`user${JSON.stringify([id])}`, id), "user");
const getTodos = query(() => fetchTodos("todos[]"), "todos");
const addTodo = action(async (form: FormData) => {
  await saveTodo(String(form.get("title")));
}, "addTodo");

function User(props: { id: number }) {
  const user = createAsync(() => getUser(props.id));
  return <li data-user={props.id}>{user()?.name}</li>;
}

function Home() {
  const todos = createAsync(() => getTodos());
  return (
    <main>
      <ul>
        <User id={1} />
        <User id={2} />
      </ul>
      <ul id="todos">
        <For each={todos()}>{(todo) => <li>{todo}</li>}</For>
      </ul>
      <form id="add-todo" action={addTodo} method="post">
        <input name="title" />
        <button type="submit">Add</button>
      </form>
      <ul id="fetch-counts">
        <For each={Object.keys(calls)}>{(key) => <li data-fetch-key={key} data-count={calls[key]}>{key}</li>}</For>
      </ul>
    </main>
  );
}

render(
  () => (
    <Router>
      <Route path="/" component={Home} />
    </Router>
  ),
  document.getElementById("root")!,
);
