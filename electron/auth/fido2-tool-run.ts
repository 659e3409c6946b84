import { spawn } from 'node:child_process';
import { childEnv, systemProgram } from '../host/child-env';

/** How one run of a libfido2 tool ended. `reason` is short and never the tool's own text. */
export type ToolRun =
  | { outcome: 'ok'; stdout: string }
  | { outcome: 'failed'; exitCode: number | null; reason: string }
  | { outcome: 'timeout' }
  | { outcome: 'missing' };

const maxOutputBytes = 64 * 1024;
const killGraceMs = 1000;

/**
 * The part of a tool's stderr that may be logged and acted on: libfido2's error name
 * (`fido_dev_get_assert: FIDO_ERR_NO_CREDENTIALS` → FIDO_ERR_NO_CREDENTIALS), whether the
 * device could not be opened, or a fixed word. Nothing else of stderr leaves this function.
 */
export function shortReason(stderr: string): string {
  const code = /FIDO_ERR_[A-Z0-9_]+/.exec(stderr)?.[0] ?? 'unknown';
  if (/fido_dev_open\b/.test(stderr)) return `open:${code}`;
  if (/input error/.test(stderr)) return 'input error';
  if (/output error/.test(stderr)) return 'output error';
  return code;
}

/**
 * Runs a tool with an argument array (never a shell), writes `input` to its stdin and waits at
 * most `timeoutMs` — the person may be asked to touch the key. On time-out the tool is stopped
 * (SIGTERM, then SIGKILL) before this resolves. A bare name is looked up in the fixed system
 * folders, not on PATH, and the tool gets a clean environment: none of the desk's `MEDCARD_*`.
 */
export function runTool(command: string, args: readonly string[], input: string, timeoutMs: number): Promise<ToolRun> {
  const program = systemProgram(command);
  if (program === undefined) return Promise.resolve({ outcome: 'missing' });
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
      env: childEnv(),
    });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let settled: ToolRun | undefined;
    let timedOut = false;
    let tooLong = false;

    const stop = () => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), killGraceMs).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxOutputBytes) {
        if (!tooLong) stop();
        tooLong = true;
      } else out.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4096);
    });
    // A tool that exits before reading its input (a bad device path) closes the pipe under us.
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      settled ??=
        error.code === 'ENOENT' || error.code === 'EACCES'
          ? { outcome: 'missing' }
          : { outcome: 'failed', exitCode: null, reason: 'spawn' };
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) settled = { outcome: 'timeout' };
      else if (tooLong) settled = { outcome: 'failed', exitCode: code, reason: 'output too long' };
      else if (!settled && code === 0) settled = { outcome: 'ok', stdout: Buffer.concat(out).toString('utf8') };
      settled ??= { outcome: 'failed', exitCode: code, reason: shortReason(stderr) };
      resolve(settled);
    });
    child.stdin.end(input);
  });
}
