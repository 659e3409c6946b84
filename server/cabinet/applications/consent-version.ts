import manifest from '../../../resources/consent/manifest.json' with { type: 'json' };
import { z } from 'zod';

/**
 * The 152-ФЗ consent texts the desks ship (resources/consent/manifest.json): the one in force on a
 * day is the latest whose effective date has come. The cabinet's patient accepts that version;
 * its SHA-256 goes into the `consents` row as the desk's acceptance does.
 */
const manifestSchema = z.object({
  texts: z
    .array(z.object({ version: z.string().min(1), effectiveFrom: z.iso.date(), sha256: z.string().length(64) }))
    .min(1),
});
const texts = manifestSchema
  .parse(manifest)
  .texts.slice()
  .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));

/** The version in force on the ISO day, null when none is yet. */
export function consentTextInForce(day: string): { version: string; sha256: string } | null {
  const inForce = texts.filter((text) => text.effectiveFrom <= day);
  const latest = inForce[inForce.length - 1];
  return latest ? { version: latest.version, sha256: latest.sha256 } : null;
}
