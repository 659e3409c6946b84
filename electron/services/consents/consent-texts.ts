import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ConsentText } from '../../../shared/api/consent-calls';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import { AppError } from '../../../shared/errors/app-error';

/**
 * The versions of the 152-ФЗ consent text (resources/consent/manifest.json). A published text is
 * never edited: a change is a new file and entry, and each file must match the SHA-256 the
 * manifest gives it, so what the patient signs is exactly what the consent row names.
 */
const manifestSchema = z.object({
  texts: z
    .array(
      z.object({
        version: z.string().min(1).max(20),
        effectiveFrom: z.iso.date(),
        language: z.string().min(2).max(10),
        file: z.string().regex(/^[\w.-]+$/),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
});

export interface ConsentTextLibrary {
  /** The version in force on the ISO day `today`: the latest whose effective date has come. */
  current(today: string): Omit<ConsentText, 'current'>;
  get(version: string): Omit<ConsentText, 'current'>;
}

const libraries = new Map<string, ConsentTextLibrary>();

/** Reads and checks every text once per folder; a damaged file refuses all of them. */
export function consentTexts(resourcesDir: string): ConsentTextLibrary {
  const cached = libraries.get(resourcesDir);
  if (cached) return cached;
  const library = loadConsentTexts(join(resourcesDir, 'consent'));
  libraries.set(resourcesDir, library);
  return library;
}

function loadConsentTexts(dir: string): ConsentTextLibrary {
  const manifest = manifestSchema.parse(
    JSON.parse(readOrMissing(join(dir, 'manifest.json'), 'manifest').toString('utf8')),
  );
  const texts = manifest.texts
    .map((entry) => {
      const bytes = readOrMissing(join(dir, entry.file), entry.version);
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
        throw new AppError('consent.text.damaged', { params: { file: entry.file } });
      }
      return {
        version: entry.version,
        effectiveFrom: entry.effectiveFrom,
        language: entry.language,
        sha256: entry.sha256,
        body: bytes.toString('utf8'),
      };
    })
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return {
    current(today) {
      const inForce = texts.filter((text) => text.effectiveFrom <= today);
      const latest = inForce[inForce.length - 1];
      if (!latest) throw new AppError('consent.text.none_in_force', { params: { date: formatRussianDate(today) } });
      return latest;
    },
    get(version) {
      const text = texts.find((entry) => entry.version === version);
      if (!text) throw new AppError('consent.text.missing', { field: 'version', params: { version } });
      return text;
    },
  };
}

function readOrMissing(path: string, version: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppError('consent.text.missing', { params: { version } });
    throw error;
  }
}
