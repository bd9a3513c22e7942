/*
 * A dev server as its own process, the way a user starts one: a command in the app's folder, with
 * none of this test run's environment (NODE_ENV, VITEST_*). Used for apps that are not this
 * repository's demo: the SolidStart example and the consumer app installed from the packed tarball.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface DevServer {
  /** The server's recent output, for failure messages. */
  output(): string;
  /** Rejects if the process exits (while starting, say): race it against the readiness check. */
  exited: Promise<never>;
  stop(): Promise<void>;
}

export function startDevServer(command: string, args: string[], cwd: string, env: Record<string, string> = {}): DevServer {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "NODE_ENV" && !name.startsWith("VITEST")));
  const child = spawn(command, args, {
    cwd,
    env: { ...inherited, ...env },
    detached: true, // its own process group, so stop() ends it and anything it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<never>((_, fail) =>
    child.once("exit", (code, signal) => fail(new Error(`${command} ${args.join(" ")} exited (${code ?? signal}) in ${cwd}:\n${output}`))),
  );
  exited.catch(() => {}); // only awaited while starting
  return { output: () => output, exited, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((done) => child.once("exit", () => done()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
  await gone;
  clearTimeout(timer);
}
