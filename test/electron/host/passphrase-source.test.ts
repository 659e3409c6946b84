import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processPassphrase, secretLine } from '../../../electron/host/passphrase-source';
import { AppError } from '../../../shared/errors/app-error';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'medcard-passphrase-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pipe standing in for a non-terminal stdin, fed `text` and closed. */
function piped(text: string): NodeJS.ReadStream {
  const stream = new PassThrough();
  stream.end(text);
  return stream as unknown as NodeJS.ReadStream;
}
const quiet = new PassThrough() as unknown as NodeJS.WriteStream;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return error instanceof AppError ? error.code : undefined;
}

describe('where the database passphrase comes from (never an argument)', () => {
  it('MEDCARD_DB_PASSPHRASE_FILE: its first line, from a file only its owner reads', async () => {
    const file = join(dir, 'passphrase');
    writeFileSync(file, 'a long enough passphrase\nignored\n', { mode: 0o600 });
    const source = processPassphrase({ MEDCARD_DB_PASSPHRASE_FILE: file }, piped(''), quiet);
    expect(await source.read('unlock')).toBe('a long enough passphrase');
    writeFileSync(join(dir, 'loose'), 'a long enough passphrase\n', { mode: 0o644 });
    const loose = processPassphrase({ MEDCARD_DB_PASSPHRASE_FILE: join(dir, 'loose') }, piped(''), quiet);
    expect(await codeOf(loose.read('unlock'))).toBe('store.key.file_mode');
  });

  it('stdin: one line each, so that a passphrase and then an enrolment code can both be piped', async () => {
    const stdin = piped('a long enough passphrase\r\nABCD-EFGH\n');
    expect(await processPassphrase({}, stdin, quiet).read('unlock')).toBe('a long enough passphrase');
    expect(await secretLine('Enrolment code: ', stdin, quiet)).toBe('ABCD-EFGH');
  });

  it('an empty stdin is a clear refusal, not an empty passphrase', async () => {
    expect(await codeOf(processPassphrase({}, piped(''), quiet).read('new'))).toBe('store.key.passphrase_missing');
  });
});
