// Form posting to renameProjectAction, whose json() response names projectTasks["<id>"]
// as the only key to revalidate (so the project list itself is not refetched).
import { useSubmission } from "@solidjs/router";
import { Show } from "solid-js";
import { renameProjectAction } from "../queries";

export default function RenameProjectForm(props: { projectId: string }) {
  const sub = useSubmission(renameProjectAction, ([data]) => data.get("projectId") === props.projectId);
  return (
    <form id={`rename-project-form-${props.projectId}`} action={renameProjectAction} method="post" class="row">
      <input type="hidden" name="projectId" value={props.projectId} />
      <input name="name" placeholder="New name" />
      <button type="submit" disabled={sub.pending}>Rename</button>
      <Show when={sub.pending}><span class="status">Saving…</span></Show>
      <Show when={sub.result?.ok}><span class="status">Renamed (tasks revalidated)</span></Show>
      <Show when={sub.error}>{(err) => <span class="error">{err().message}</span>}</Show>
    </form>
  );
}
