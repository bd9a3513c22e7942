/*
 * A signal's value at most every `ms` while it changes: at once after a quiet spell, then once
 * per interval with the latest value. The timeline and the waterfall are built from the whole
 * log; a busy stream (the bench sends a hundred updates a second) gets ten redraws a second,
 * each current.
 */
import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from "solid-js";

/** A stream of events redraws a view built from the whole log at most this often (the extension's panel applies them ten times a second too). */
export const REDRAW_MS = 100;

export function throttled<T>(source: Accessor<T>, ms: number): Accessor<T> {
  const [value, setValue] = createSignal<T>(untrack(source), { equals: false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  const take = () => {
    setValue(() => untrack(source));
    timer = setTimeout(() => {
      timer = undefined;
      if (!waiting) return;
      waiting = false;
      take();
    }, ms);
  };
  createEffect(on(source, () => (timer === undefined ? take() : (waiting = true)), { defer: true }));
  onCleanup(() => clearTimeout(timer));
  return value;
}
