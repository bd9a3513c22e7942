// Page-wide action buttons of the projects page: refetch every projectTasks entry,
// revalidate through a raw X-Revalidate header, and an action that always fails.
import { revalidate, useSubmission } from "@solidjs/router";
import { Show } from "solid-js";
import { failingAction, getProjectTasksQuery, headerRevalidateAction } from "../queries";

export default function GlobalActions() {
  const touch = useSubmission(headerRevalidateAction);
  const failing = useSubmission(failingAction);
  return (
    <div class="row toolbar">
      <button id="refetch-all-tasks" onClick={() => revalidate(getProjectTasksQuery.key)}>
        Refetch all tasks
      </button>
      <form id="touch-projects-form" action={headerRevalidateAction} method="post">
        <button type="submit" disabled={touch.pending}>Touch projects (X-Revalidate)</button>
      </form>
      <form id="failing-action-form" action={failingAction} method="post">
        <button type="submit" disabled={failing.pending}>Run failing action</button>
      </form>
      <Show when={failing.error}>
        {(err) => <span id="failing-action-error" class="error" role="alert">{err().message}</span>}
      </Show>
    </div>
  );
}
