/*
 * A minimal valid protocol Entry for store tests that feed the panel hand-made messages.
 */
import type { Entry } from "../bridge/protocol.ts";

export const testEntry = (key: string, fetches = 1): Entry => ({
  key,
  query: "q",
  args: { type: "array", className: "Array", length: 0, items: [] },
  status: "ready",
  updatedAt: 1,
  createdAt: 1,
  intent: "initial",
  observers: 0,
  fetches,
  hydrated: false,
});
