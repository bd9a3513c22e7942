/*
 * The order builds run in, turn by turn: each starts a turn in its turn, so the machine's drift
 * within a run (it speeds up and slows down by more than the effects measured) falls on every
 * build alike.
 */
import type { Variant } from "./build.ts";

/** Turn `turn` of repetition `rep`: the builds rotated by rep + turn (for two, plain or instrumented first). */
export const orderOf = <V extends Variant>(builds: readonly V[], rep: number, turn: number): V[] => {
  const shift = (rep + turn) % builds.length;
  return [...builds.slice(shift), ...builds.slice(0, shift)];
};
