import { spawn } from 'node:child_process';
import { AppError } from '../../../shared/errors/app-error';
import { childEnv, systemProgram, systemProgramDirs } from '../../host/child-env';
import type { ScannerDevice, ScannerPort, ScanPageRequest } from './scanner-port';

export interface SaneOptions {
  /** The folders scanimage (sane-utils) is looked for in, in order: the system's, never PATH. */
  programDirs?: readonly string[];
  /**
   * The environment SANE's own variables are taken from (the desk's by default): scanimage gets
   * only those, with a fixed PATH and the C locale — never `MEDCARD_*`.
   */
  env?: NodeJS.ProcessEnv;
  listTimeoutMs?: number;
  scanTimeoutMs?: number;
}

const defaultScanTimeoutMs = 120_000;
const maxPageBytes = 200 * 1024 * 1024;
const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
// Options of scanimage itself (output, batch, listing) are not the driver's to set from here.
const optionName = /^[a-z][a-z0-9-]{0,63}$/;
const frontendOptions = new Set([
  'output-file',
  'batch',
  'batch-start',
  'batch-count',
  'batch-increment',
  'batch-double',
  'batch-prompt',
  'accept-md5-only',
  'format',
  'device-name',
  'list-devices',
  'formatted-device-list',
  'help',
  'icc-profile',
  'test',
  'all-options',
  'dont-scan',
  'version',
  'buffer-size',
  'progress',
  'verbose',
  'mode',
  'resolution',
]);

/** What SANE reads from its environment (and SANE_DEBUG_<backend>, the backends' debug levels). */
const saneVariables = ['SANE_CONFIG_DIR', 'SANE_DEFAULT_DEVICE', 'SANE_USB_WORKAROUND'];

/**
 * The scanner port over SANE's scanimage, run with argument arrays (never a shell), by the
 * absolute path found once in the system folders, with a clean environment.
 */
export function createSaneScanner(options: SaneOptions = {}): ScannerPort {
  const command = systemProgram('scanimage', options.programDirs ?? systemProgramDirs);
  const from = options.env ?? process.env;
  const debug = Object.keys(from).filter((name) => name.startsWith('SANE_DEBUG_'));
  const env = childEnv([...saneVariables, ...debug], from);
  return {
    async listDevices() {
      const { stdout } = await run(command, ['--formatted-device-list=%d\t%v\t%m\t%t%n'], {
        env,
        timeoutMs: options.listTimeoutMs ?? 30_000,
      });
      return parseDeviceList(stdout.toString('utf8'));
    },
    async scanPage(request) {
      const { stdout } = await run(command, scanArguments(request), {
        env,
        timeoutMs: request.timeoutMs ?? options.scanTimeoutMs ?? defaultScanTimeoutMs,
        onProgress: request.onProgress,
        signal: request.signal,
      });
      if (!stdout.subarray(0, 4).equals(pngMagic))
        throw new AppError('scanner.failed', { params: { detail: 'no PNG image in the output' } });
      return stdout;
    },
  };
}

/** Lines of `device<TAB>vendor<TAB>model<TAB>type`, as asked for with --formatted-device-list. */
export function parseDeviceList(text: string): ScannerDevice[] {
  return text
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((fields): fields is [string, string, string, string] => fields.length === 4 && fields[0] !== '')
    .map(([id, vendor, model, type]) => ({ id, vendor, model, type }));
}

export function scanArguments(request: ScanPageRequest): string[] {
  const args = [
    '--device-name',
    request.deviceId,
    '--resolution',
    String(request.dpi ?? 300),
    '--format=png',
    '--mode',
    request.mode ?? 'Color',
    '--progress',
  ];
  for (const [name, value] of Object.entries(request.deviceOptions ?? {})) {
    if (!optionName.test(name) || frontendOptions.has(name))
      throw new AppError('scanner.failed', { params: { detail: `option --${name} is not allowed` } });
    args.push(`--${name}=${value}`);
  }
  return args;
}

interface RunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  onProgress?: ((percent: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

function run(
  command: string | undefined,
  args: string[],
  options: RunOptions,
): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (command === undefined) throw new AppError('scanner.unavailable');
    const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: AppError | undefined;
    const stop = (error: AppError) => {
      failure ??= error;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    };
    const timer = setTimeout(
      () => stop(new AppError('scanner.timeout', { params: { seconds: Math.round(options.timeoutMs / 1000) } })),
      options.timeoutMs,
    );
    const abort = () => stop(new AppError('scanner.failed', { params: { detail: 'cancelled' } }));
    options.signal?.addEventListener('abort', abort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxPageBytes)
        stop(new AppError('scanner.failed', { params: { detail: 'the page is larger than any document' } }));
      else chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      for (const match of text.matchAll(/Progress: (\d+(?:\.\d+)?)%/g)) options.onProgress?.(Number(match[1]));
      // Progress lines end in \r and repeat; only the rest is worth keeping for the error.
      stderr = (stderr + text.replace(/Progress: [\d.]+%\r?/g, '')).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??=
        error.code === 'ENOENT'
          ? new AppError('scanner.unavailable')
          : new AppError('scanner.failed', { params: { detail: error.message } });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      if (failure) reject(failure);
      else if (code !== 0) reject(saneError(stderr));
      else resolve({ stdout: Buffer.concat(chunks), stderr });
    });
  });
}

/** scanimage says what went wrong in SANE's status words; these are the ones a clerk can act on. */
export function saneError(stderr: string): AppError {
  const text = stderr.trim();
  if (/device busy/i.test(text)) return new AppError('scanner.busy');
  if (/open of device .* failed|no scanners were identified|invalid argument/i.test(text))
    return new AppError('scanner.none');
  const detail =
    text
      .split('\n')
      .filter(Boolean)
      .at(-1)
      ?.replace(/^scanimage: /, '') ?? 'scanimage failed';
  return new AppError('scanner.failed', { params: { detail: detail.slice(0, 200) } });
}
