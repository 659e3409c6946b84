import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError } from '../../shared/errors/app-error';

/** Where the passphrase that wraps the database key comes from; never the command line. */
export interface PassphraseSource {
  /** `new`: a passphrase being chosen (asked twice on a terminal). */
  read(purpose: 'unlock' | 'new'): Promise<string>;
}

/**
 * `MEDCARD_DB_PASSPHRASE_FILE` (a file only its owner reads, for services and scripts), else the
 * terminal (typed without echo), else the first line of stdin (`… < file`, a pipe).
 */
export function processPassphrase(
  env: NodeJS.ProcessEnv = process.env,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): PassphraseSource {
  return {
    async read(purpose) {
      const file = env.MEDCARD_DB_PASSPHRASE_FILE;
      if (file) return fromFile(file);
      if (stdin.isTTY) {
        const first = await typed(
          stdin,
          stderr,
          purpose === 'new' ? 'New database passphrase: ' : 'Database passphrase: ',
        );
        if (purpose === 'unlock') return first;
        const again = await typed(stdin, stderr, 'The same passphrase again: ');
        if (again !== first) throw new AppError('store.key.passphrase_mismatch');
        return first;
      }
      const line = await firstLine(stdin);
      if (line === '') throw new AppError('store.key.passphrase_missing');
      return line;
    },
  };
}

/**
 * One secret line (an enrolment code): typed at the terminal without echo, else the first line
 * of stdin. Never an argument: another user of the computer can read a command line.
 */
export async function secretLine(
  prompt: string,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return stdin.isTTY ? typed(stdin, stderr, prompt) : firstLine(stdin);
}

function fromFile(path: string): string {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    throw new AppError('store.key.passphrase_missing');
  }
  if ((mode & 0o077) !== 0) {
    throw new AppError('store.key.file_mode', { params: { path, mode: mode.toString(8).padStart(4, '0') } });
  }
  return withoutNewline(readFileSync(path, 'utf8').split('\n')[0] ?? '');
}

function withoutNewline(line: string): string {
  return line.replace(/\r$/, '');
}

/** One line reader per stream, so that a passphrase and then a code can both come on stdin. */
const lineReaders = new WeakMap<NodeJS.ReadStream, AsyncIterator<string>>();

/** The next line of stdin, '' at its end. */
async function firstLine(stdin: NodeJS.ReadStream): Promise<string> {
  let lines = lineReaders.get(stdin);
  if (!lines) {
    lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY, terminal: false })[
      Symbol.asyncIterator
    ]();
    lineReaders.set(stdin, lines);
  }
  const next = await lines.next();
  return next.done === true ? '' : withoutNewline(next.value);
}

/** Reads one line from the terminal without echoing it; Ctrl+C gives up. */
function typed(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    let text = '';
    const done = (error?: AppError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || char === '\u0004') return done(new AppError('store.key.passphrase_missing'));
        if (char === '\u007f' || char === '\b') text = [...text].slice(0, -1).join('');
        else text += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
