/*
 * A throttled signal: the first change shows at once, a burst after it shows once, with its last value.
 */
import { createRoot, createSignal } from "solid-js";
import { expect, test, vi } from "vitest";
import { throttled } from "./throttled.ts";

test("at once when quiet, then the latest value once per interval", () => {
  vi.useFakeTimers();
  const { setSource, shown, dispose } = createRoot((dispose) => {
    const [source, setSource] = createSignal(0);
    return { setSource, shown: throttled(source, 100), dispose };
  });
  try {
    expect(shown()).toBe(0);
    setSource(1);
    expect(shown()).toBe(1);
    setSource(2);
    setSource(3);
    expect(shown()).toBe(1);
    vi.advanceTimersByTime(100);
    expect(shown()).toBe(3);
    vi.advanceTimersByTime(100);
    setSource(4);
    expect(shown()).toBe(4);
  } finally {
    dispose();
    vi.useRealTimers();
  }
});
