import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { ActorContext } from '../../core/context';
import { readCalendar } from './calendar-file';
import type { ImportProgress, ReadDictionary, RefusedRow } from './dictionary-types';
import { assertDictionaryName, isDictionaryKind, dictionaryKinds, type DictionaryKind } from './dictionary-names';
import { readIcd10 } from './icd10-file';
import { importDictionary, type ImportOptions, type ImportOutcome } from './import-dictionary';
import { readInsurers } from './insurers-file';

/** МКБ-10 is 2.3 MB; ten times the largest НСИ file we take is still a sane bound. */
export const maxDictionaryBytes = 32 * 1024 * 1024;

const readers: Record<DictionaryKind, (text: string, fileName: string) => ReadDictionary> = {
  icd10: readIcd10,
  insurers: readInsurers,
  'calendar-ru': readCalendar,
};

export interface FileImportResult {
  outcome: ImportOutcome;
  /** Every line the reader refused, with its error code, in file order. */
  refused: RefusedRow[];
}

export interface FileImportOptions {
  version?: string;
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  release?: ImportOptions['release'];
}

/**
 * Reads a dictionary file of a known kind and imports it (all of it, in one transaction).
 * The version is `options.version`, else what the file states (МКБ-10: its НСИ file name;
 * the calendar: its own date); a file that states none needs one given.
 */
export function importDictionaryFile(
  ctx: ActorContext,
  kind: string,
  path: string,
  options: FileImportOptions = {},
): FileImportResult {
  assertKind(kind);
  const max = options.maxBytes ?? maxDictionaryBytes;
  const size = statSync(path).size;
  if (size > max) throw new AppError('dictionary.file.too_large', { params: { size, max } });
  return importDictionaryBytes(ctx, kind, readFileSync(path), basename(path), options);
}

/** The same for a file's content received by other means (an upload through the UI). */
export function importDictionaryBytes(
  ctx: ActorContext,
  kind: string,
  bytes: Uint8Array,
  fileName: string,
  options: FileImportOptions = {},
): FileImportResult {
  assertKind(kind);
  const max = options.maxBytes ?? maxDictionaryBytes;
  if (bytes.byteLength > max)
    throw new AppError('dictionary.file.too_large', { params: { size: bytes.byteLength, max } });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('dictionary.file.encoding');
  }
  const read = readers[kind](text, fileName);
  assertDictionaryName(read.name);
  const version = options.version ?? read.version;
  if (version === null) throw new AppError('dictionary.version.missing');
  const outcome = importDictionary(ctx, read.name, version, read.rows, {
    sourceName: fileName,
    sourceSha256: createHash('sha256').update(bytes).digest('hex'),
    refused: read.refused,
    onProgress: options.onProgress,
    release: options.release,
  });
  return { outcome, refused: read.refused };
}

function assertKind(kind: string): asserts kind is DictionaryKind {
  if (!isDictionaryKind(kind))
    throw new AppError('dictionary.unknown', {
      params: { name: kind.slice(0, 60), supported: dictionaryKinds.join(', ') },
    });
}
