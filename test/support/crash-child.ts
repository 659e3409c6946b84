import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A crash loop's child (the desk's writer, the server): run from source through tsx, killed with SIGKILL. */
export interface CrashChild {
  child: ChildProcess;
  /** The first line the child prints (it is ready), or a failure if it exits first. */
  ready: Promise<string>;
  /** Every line it printed after the first, the ones still in the pipe when it died included. */
  lines: string[];
  /** Kills it with SIGKILL and waits until it is gone and its output is read; fails if it had ended by itself. */
  kill(): Promise<void>;
  /** Asks it to close (SIGTERM) and waits. */
  stop(): Promise<void>;
  /** Settles when it ends, with its signal or exit code. */
  exited: Promise<NodeJS.Signals | number | null>;
}

export function startCrashChild(entry: string, env: Record<string, string>): CrashChild {
  // The secrets go through the environment, never argv (visible to every user of the machine).
  // stdin is a pipe that closes with this process: a child using `exitWhenTold` goes with it.
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(entry)], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  const reader = createInterface({ input: child.stdout! });
  const drained = new Promise<void>((done) => reader.once('close', done));
  const lines: string[] = [];
  const died = (how: NodeJS.Signals | number | null) => new Error(`${entry} ended (${String(how)}): ${stderr}`);
  let first: ((line: string) => void) | undefined;
  const ready = new Promise<string>((done, fail) => {
    first = done;
    void exited.then((how) => fail(died(how)));
  });
  // Handled here, so that a child that dies after it was ready is not an unhandled rejection.
  ready.catch(() => undefined);
  reader.on('line', (line) => {
    if (first) {
      first(line);
      first = undefined;
    } else lines.push(line);
  });
  return {
    child,
    lines,
    exited,
    ready,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) throw died(child.signalCode ?? child.exitCode);
      child.kill('SIGKILL');
      const how = await exited;
      await drained;
      if (how !== 'SIGKILL') throw died(how);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Seconds since `since` (a `performance.now()`), for the loops' progress lines. */
export function elapsed(since: number): string {
  return `[${((performance.now() - since) / 1000).toFixed(1)} s]`;
}
