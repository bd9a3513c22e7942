/*
 * Action names as the panel shows them, from the URLs the router gives actions.
 */
import { expect, test } from "vitest";
import { actionName } from "./cache-instrumentation.ts";

test("client actions, SolidStart server functions, and anything else", () => {
  expect(actionName("https://action/addTask")).toBe("addTask");
  expect(actionName("https://action/rename%20project?args=%5B1%5D")).toBe("rename project?args=[1]");
  expect(actionName("/_server?id=d083e871-2-addTaskAction")).toBe("addTaskAction");
  expect(actionName("/_server?id=d083e871")).toBe("/_server?id=d083e871");
});
