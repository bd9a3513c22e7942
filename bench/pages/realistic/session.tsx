/*
 * The realistic-app workload: the demo app itself (its routes, queries with arguments, createAsync
 * readers, forms posting to actions), mounted fresh and used the way a person would, on a
 * compressed schedule: a click on a nav link, a pause, and every couple of pages a real form
 * submission (add a task: the router revalidates every active query; complete one: one key). Each
 * step waits until its result is on screen. Built with and without queryDevtools(); the suite
 * reads the page's CPU time around `session` (window.__bench).
 */
import { render } from "solid-js/web";
import App from "../../../demo/App";
import { callCounts, setLatency } from "../../../demo/api";
import "../../../demo/styles.css";
import type { RealisticBench, RealisticSize } from "../api.ts";

/** Starts an interaction; returns when it is done (checked after every DOM change). */
type Step = { name: string; start(): () => boolean };

const $ = (selector: string) => document.querySelector<HTMLElement>(selector);
const tasksOf = (projectId: string) => `ul[data-tasks-of="${projectId}"] > li[data-task-id]`;

/** A click on the nav link with this text (the router's own click handling navigates); done once `shown` is on screen. */
const navigate = (link: string, shown: string): Step => ({
  name: `navigate to ${link}`,
  start() {
    [...document.querySelectorAll<HTMLElement>("nav a")].find((a) => a.textContent === link)!.click();
    return () => $(shown) !== null;
  },
});

let added = 0;
/** Types a title into a project's add-task form and submits it; done once the new task is listed. */
const addTask = (projectId: string): Step => ({
  name: `add a task to project ${projectId}`,
  start() {
    const title = `Task ${++added}`;
    const form = $(`#add-task-form-${projectId}`) as HTMLFormElement;
    (form.elements.namedItem("title") as HTMLInputElement).value = title;
    form.querySelector("button")!.click();
    return () => [...document.querySelectorAll(`${tasksOf(projectId)} > span`)].some((span) => span.textContent === title);
  },
});

/** Submits a task's complete/reopen form; done once its row shows the other state. */
const toggleTask = (taskId: string): Step => ({
  name: `toggle task ${taskId}`,
  start() {
    const done = () => $(`li[data-task-id="${taskId}"]`)!.classList.contains("done");
    const before = done();
    $(`#complete-task-form-${taskId} button`)!.click();
    return () => done() !== before;
  },
});

/** A project's own page (its tasks directly in the page's section, not in a card of the projects page). */
const projectPage = (id: string) => `main > section > .tasks > ${tasksOf(id)}`;
const projectsPage = `main article[data-project="3"] ${tasksOf("3")}`;

/** One round: five pages, three form submissions. */
const ROUND: Step[] = [
  navigate("Project 1", projectPage("1")),
  addTask("1"),
  navigate("Project 2", projectPage("2")),
  navigate("Stats", "main #stats, main #stats-loading"),
  navigate("Projects", projectsPage),
  toggleTask("t3"),
  navigate("Project 3", projectPage("3")),
  addTask("3"),
];

const STEP_TIMEOUT_MS = 20_000;

function until(name: string, done: () => boolean): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timeout);
      resolve();
    });
    const timeout = setTimeout(() => (observer.disconnect(), reject(new Error(`${name}: not done after ${STEP_TIMEOUT_MS} ms`))), STEP_TIMEOUT_MS);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function session({ rounds, pauseMs, latencyMs }: RealisticSize) {
  setLatency(latencyMs);
  const t0 = performance.now();
  // The demo's routes sit at the origin's root; nothing reloads the page after this.
  history.replaceState(null, "", "/");
  render(() => <App />, document.getElementById("app")!);
  await until("the projects page", () => $(projectsPage) !== null);
  const stepMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const step of ROUND) {
      await sleep(pauseMs);
      const started = performance.now();
      await until(step.name, step.start());
      stepMs.push(performance.now() - started);
    }
  }
  // The refetches a last step started but did not wait for (other pages' keys) land in the measure too.
  await sleep(pauseMs);
  return { totalMs: performance.now() - t0, stepMs, fetches: Object.values(callCounts).reduce((sum, n) => sum + n, 0) };
}

const bench: RealisticBench = { session };
window.__bench = bench;
