// Tasks of one project followed by its add-task form (addTaskAction: redirect with revalidate).
import { For } from "solid-js";
import type { Task } from "../lib/db";
import { addTaskAction } from "../lib/queries";

export default function TaskList(props: { projectId: string; tasks: Task[] | undefined }) {
  return (
    <div class="tasks">
      <ul data-tasks-of={props.projectId}>
        <For each={props.tasks} fallback={<li>No tasks.</li>}>
          {(task) => (
            <li data-task-id={task.id} classList={{ done: task.done }}>
              {task.title}
            </li>
          )}
        </For>
      </ul>
      <form id={`add-task-form-${props.projectId}`} action={addTaskAction} method="post">
        <input type="hidden" name="projectId" value={props.projectId} />
        <input name="title" placeholder="New task" />
        <button type="submit">Add task</button>
      </form>
    </div>
  );
}
