// Tasks of one project, each with a complete/reopen form (completeTaskAction), followed by
// the add-task form. Data comes from the caller's projectTasks query.
import { For, Show } from "solid-js";
import type { Task } from "../api";
import { completeTaskAction } from "../queries";
import AddTaskForm from "./AddTaskForm";

export default function TaskList(props: { projectId: string; tasks: Task[] | undefined }) {
  return (
    <div class="tasks">
      <ul data-tasks-of={props.projectId}>
        <For each={props.tasks} fallback={<li>No tasks.</li>}>
          {(task) => (
            <li data-task-id={task.id} classList={{ done: task.done }}>
              <span>{task.title}</span>
              <form id={`complete-task-form-${task.id}`} action={completeTaskAction} method="post">
                <input type="hidden" name="projectId" value={props.projectId} />
                <input type="hidden" name="taskId" value={task.id} />
                <button type="submit">
                  <Show when={task.done} fallback="Complete">Reopen</Show>
                </button>
              </form>
            </li>
          )}
        </For>
      </ul>
      <AddTaskForm projectId={props.projectId} />
    </div>
  );
}
