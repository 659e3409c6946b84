import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A test service in a child process of its own (a real server, not a mock in the test's process),
 * for vitest and Playwright alike. The child is a `tsx` entry file that prints one JSON line
 * when it listens, serves its state over loopback HTTP, and exits on SIGTERM or when its parent
 * goes (its stdin closes), so a crashed test leaves nothing running.
 */
export interface ChildService<Ready> {
  ready: Ready;
  stop(): Promise<void>;
}

export async function startChildService<Ready>(
  entry: string,
  env: Record<string, string> = {},
  /** How long the child may take to say it is ready (a whole server loads and migrates its database). */
  readyTimeoutMs = 20_000,
): Promise<ChildService<Ready>> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(entry)], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<Ready>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => fail(new Error(`${entry} did not start in ${readyTimeoutMs / 1000} s`)),
      readyTimeoutMs,
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      done(JSON.parse(line) as Ready);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${entry} exited (${String(code)}) before it was ready`));
    });
  });
  return {
    ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls `read` until one of its items matches, or fails after `timeoutMs`. */
export async function waitForItem<T>(
  read: () => Promise<T[]>,
  predicate: (item: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await read()).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} matched in ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** GETs JSON from a child's loopback endpoint. */
export async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** Closes the child when it is told to (SIGTERM) or its parent is gone (stdin closed). */
export function exitWhenTold(close: () => Promise<void>): void {
  let closing = false;
  const end = (): void => {
    if (closing) return;
    closing = true;
    void close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', end);
  process.once('SIGINT', end);
  process.stdin.on('end', end);
  process.stdin.on('error', end);
  process.stdin.resume();
}
