/*
 * The reconnecting port wall over fake ports: a service-worker restart disconnects the port, and
 * the wall connects exactly one new port by itself, tells its owner, and keeps its listeners;
 * ports refused over and over back off; port names say who connects.
 */
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { contentPortName, createPortWall, newDocumentId, panelPortName, parsePortName, type WallPort } from "./port-wall.ts";

interface FakePort extends WallPort {
  posted: unknown[];
  /** The service worker went away. */
  drop(): void;
  deliver(message: unknown): void;
}

function fakeConnector() {
  const ports: FakePort[] = [];
  const connect = () => {
    const onMessage: ((message: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    let dropped = false;
    const port: FakePort = {
      posted: [],
      postMessage(message) {
        if (dropped) throw new Error("Attempting to use a disconnected port object");
        port.posted.push(message);
      },
      onMessage: { addListener: (listener) => void onMessage.push(listener) },
      onDisconnect: { addListener: (listener) => void onDisconnect.push(listener as () => void) },
      drop() {
        dropped = true;
        onDisconnect.forEach((listener) => listener());
      },
      deliver: (message) => onMessage.forEach((listener) => listener(message)),
    };
    ports.push(port);
    return port;
  };
  return { ports, connect };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

test("a worker restart: one new port after the retry delay, the owner told, listeners kept", () => {
  const { ports, connect } = fakeConnector();
  const wall = createPortWall(connect);
  const heard: unknown[] = [];
  wall.listen((message) => heard.push(message));
  let reconnects = 0;
  wall.onReconnect(() => reconnects++);
  expect(ports).toHaveLength(1);
  expect(reconnects).toBe(0);

  vi.advanceTimersByTime(5_000);
  ports[0].drop();
  vi.advanceTimersByTime(199);
  expect(ports).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(ports).toHaveLength(2);
  expect(reconnects).toBe(1);

  ports[1].deliver("after");
  expect(heard).toEqual(["after"]);
  wall.send("command");
  expect(ports[1].posted).toEqual(["command"]);

  // Again, much later: every restart is survived, not just the first.
  vi.advanceTimersByTime(60_000);
  ports[1].drop();
  vi.advanceTimersByTime(200);
  expect(ports).toHaveLength(3);
  expect(reconnects).toBe(2);
});

test("a message sent while disconnected reconnects at once, and the pending retry does not connect again", () => {
  const { ports, connect } = fakeConnector();
  const wall = createPortWall(connect);
  let reconnects = 0;
  wall.onReconnect(() => reconnects++);
  vi.advanceTimersByTime(5_000);
  ports[0].drop();
  wall.send("revalidate");
  expect(ports).toHaveLength(2);
  expect(ports[1].posted).toEqual(["revalidate"]);
  vi.advanceTimersByTime(10_000);
  expect(ports).toHaveLength(2);
  expect(reconnects).toBe(1);
});

test("an old port's late messages and disconnects are ignored", () => {
  const { ports, connect } = fakeConnector();
  const wall = createPortWall(connect);
  const heard: unknown[] = [];
  wall.listen((message) => heard.push(message));
  vi.advanceTimersByTime(5_000);
  ports[0].drop();
  vi.advanceTimersByTime(200);
  ports[0].deliver("stale");
  ports[0].drop();
  vi.advanceTimersByTime(10_000);
  expect(heard).toEqual([]);
  expect(ports).toHaveLength(2);
});

test("a port refused at once, over and over, backs off instead of spinning", () => {
  const { ports, connect } = fakeConnector();
  createPortWall(connect, { retryMs: 200, healthyMs: 1_000, maxRetryMs: 1_600 });
  const connectedAt: number[] = [Date.now()];
  for (let i = 0; i < 6; i++) {
    ports.at(-1)!.drop();
    const before = ports.length;
    while (ports.length === before) vi.advanceTimersByTime(50);
    connectedAt.push(Date.now());
  }
  const gaps = connectedAt.slice(1).map((t, i) => t - connectedAt[i]);
  expect(gaps).toEqual([400, 800, 1_600, 1_600, 1_600, 1_600]);
  // A port that then lives a while is healthy again: its loss retries at the short delay.
  vi.advanceTimersByTime(5_000);
  ports.at(-1)!.drop();
  vi.advanceTimersByTime(200);
  expect(ports).toHaveLength(8);
});

test("a connector that throws (extension context gone) ends the wall quietly", () => {
  const connect = vi.fn((): WallPort => {
    throw new Error("Extension context invalidated.");
  });
  const wall = createPortWall(connect);
  expect(() => wall.send("x")).not.toThrow();
  vi.advanceTimersByTime(10_000);
  expect(connect).toHaveBeenCalledTimes(1);
});

test("port names", () => {
  const id = newDocumentId();
  expect(id).toMatch(/^[0-9a-f]{24}$/);
  expect(newDocumentId()).not.toBe(id);
  expect(parsePortName(contentPortName(id))).toEqual({ kind: "content", documentId: id });
  expect(parsePortName("content")).toEqual({ kind: "content" });
  expect(parsePortName(panelPortName(42))).toEqual({ kind: "panel", tabId: 42 });
  for (const name of ["content:", "content:XYZ", `content:${"a".repeat(65)}`, "panel:1.5", "panel:NaN", "devtools", ""]) {
    expect(parsePortName(name), name).toBeUndefined();
  }
});
