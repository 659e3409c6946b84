import sharp from 'sharp';
import type { ServiceContext } from '../../../../electron/core/context';
import { createDispatcher } from '../../../../electron/core/dispatcher';
import { enrolPatient, openTempDesk, type TempDesk } from '../../../support/temp-desk';

/** A real encrypted desk (its scan vault keeps the signatures) with one patient. */
export interface ConsentDesk extends TempDesk {
  patientId: string;
}

export async function openConsentDesk(
  options: { resourcesDir?: string; birthDate?: string } = {},
): Promise<ConsentDesk> {
  const desk = await openTempDesk();
  // Another folder of consent texts, where a test changes them.
  const ctx: ServiceContext = options.resourcesDir ? { ...desk.ctx, resourcesDir: options.resourcesDir } : desk.ctx;
  const withTexts: TempDesk = { ...desk, ctx, dispatch: createDispatcher(() => ctx, { internal: () => undefined }) };
  const patientId = await enrolPatient(withTexts, options.birthDate ? { birthDate: options.birthDate } : {});
  return { ...withTexts, patientId };
}

/** A pad's PNG (transparent, 600×200) with `svg` drawn on it, as base64. */
export async function padPng(svg = ''): Promise<string> {
  const image = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">${svg}</svg>`;
  return (await sharp(Buffer.from(image)).png().toBuffer()).toString('base64');
}

/** A signature: a few strokes across the pad. */
export const signatureSvg =
  '<path d="M40 140 C 90 20, 140 20, 170 130 S 260 180, 300 60 L 360 150 Q 420 40 520 120" stroke="#1a237e" stroke-width="4" fill="none"/>';
