// Form posting to addTaskAction for one project; shows pending/error of its own submission
// and clears the title once the submission settles.
import { useSubmission } from "@solidjs/router";
import { createEffect, on, Show } from "solid-js";
import { addTaskAction } from "../queries";

export default function AddTaskForm(props: { projectId: string }) {
  let form!: HTMLFormElement;
  const sub = useSubmission(addTaskAction, ([data]) => data.get("projectId") === props.projectId);
  createEffect(on(() => sub.pending, (pending, was) => was && !pending && !sub.error && form.reset()));
  return (
    <form ref={form} id={`add-task-form-${props.projectId}`} action={addTaskAction} method="post" class="row">
      <input type="hidden" name="projectId" value={props.projectId} />
      <input name="title" placeholder="New task" />
      <button type="submit" disabled={sub.pending}>Add task</button>
      <Show when={sub.pending}><span class="status">Saving…</span></Show>
      <Show when={sub.error}>{(err) => <span class="error">{err().message}</span>}</Show>
    </form>
  );
}
