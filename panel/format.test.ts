import { describe, expect, it } from "vitest";
import { formatClock } from "./format.ts";

describe("formatClock", () => {
  it("writes local midnight as hour 0, with milliseconds", () => {
    expect(formatClock(new Date(2026, 0, 1, 0, 0, 0, 5).getTime())).toMatch(/^0?0:00:00\.005$/);
  });
  it("writes the afternoon on a 24-hour clock", () => {
    expect(formatClock(new Date(2026, 0, 1, 13, 4, 5, 120).getTime())).toBe("13:04:05.120");
  });
});
