/*
 * A list's area with its empty-state message. The list is mounted from the start, before the page
 * has sent anything, so the first data renders only its rows: not the list, its virtualizer and
 * their first measuring (a forced layout), which cost the first render tens of milliseconds at
 * 10,000 keys. While empty, the message lies over the list, and the list is `visibility: hidden`
 * (theme.css): out of sight, out of the focus order and the accessibility tree, yet laid out at
 * its size, so its measure stays right when the rows come.
 */
import { Show, type JSX } from "solid-js";

export function EmptyCover(props: { empty: boolean; message: JSX.Element; children: JSX.Element }): JSX.Element {
  return (
    <div class="empty-cover" data-empty={props.empty || undefined}>
      {props.children}
      <Show when={props.empty}>
        <p class="empty">{props.message}</p>
      </Show>
    </div>
  );
}
