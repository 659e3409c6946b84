import type { Knex } from 'knex';
import type { z } from 'zod';
import { recordNumberField } from '../../../shared/domain/documents/compare';
import { documentSchema } from '../../../shared/domain/documents/document-schema';
import type { SeenDocumentType } from '../../../shared/domain/online-identity';
import { AppError } from '../../../shared/errors/app-error';
import { toFieldIssues } from '../../../shared/errors/zod-issues';
import { toRecord } from '../../db/values';
import type { LinkedCard } from './linked-card';

/** A document's series and number as the desk keeps them (shared/domain/documents' normalisation). */
export interface DocumentNumber {
  type: SeenDocumentType;
  series: string | null;
  number: string;
}

function variantOf(type: SeenDocumentType) {
  for (const option of documentSchema.options)
    if ('shape' in option && option.shape.type.value === type) return option.shape as Record<string, z.ZodType>;
  throw new TypeError(`No document schema for ${type}`);
}

function normalised(schema: z.ZodType, value: string | null, field: string): string | null {
  const result = schema.safeParse(value);
  if (result.success) return typeof result.data === 'string' ? result.data : null;
  const issue = toFieldIssues(result.error, value)[0];
  throw new AppError(issue?.code ?? 'input.invalid', { field, params: issue?.params });
}

/**
 * The typed series and number through the desk's own field rules for the type: a passport's
 * `12 34` becomes `1234`, a SNILS `112-233-445 95` its 11 digits. Documents the desk keeps as one
 * number (a driving licence's `NN NN NNNNNN`, a SNILS) take the series typed apart as its start.
 * A malformed value is refused with the desk's code (400), before anything is compared or counted.
 */
export function normaliseDocumentNumber(type: SeenDocumentType, series: string | null, number: string): DocumentNumber {
  const shape = variantOf(type);
  const numberSchema = shape.number;
  if (!numberSchema) throw new TypeError(`The ${type} schema has no number`);
  const seriesSchema = shape.series;
  if (seriesSchema)
    return {
      type,
      series: normalised(seriesSchema, series, 'series'),
      number: normalised(numberSchema, number, 'number') ?? '',
    };
  return { type, series: null, number: normalised(numberSchema, `${series ?? ''}${number}`, 'number') ?? '' };
}

/** Case, spaces and dashes aside (an other photo ID's number is kept as typed). */
const fold = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/[\s-]/g, '').toLocaleUpperCase('ru') : '';

/**
 * Whether the card holds this document: one of its identity documents in force (not removed,
 * not superseded) of the type with the same series and number — or, for a SNILS notice, the
 * card's own SNILS (compare.ts `recordNumberField`).
 */
export async function cardHoldsDocument(db: Knex, card: LinkedCard, typed: DocumentNumber): Promise<boolean> {
  const recordField = recordNumberField({ type: typed.type, form: null });
  if (recordField !== null && card[recordField] !== null && fold(card[recordField]) === fold(typed.number)) return true;
  const rows = await db('records')
    .where({ table_name: 'identity_documents', clinic_id: card.clinicId })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .whereRaw("data->>'type' = ?", [typed.type])
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .whereRaw("coalesce(data->>'superseded_at', '') = ''")
    .select<{ data: unknown }[]>('data');
  return rows.some((row) => {
    const data = toRecord(row.data);
    return fold(data.number) === fold(typed.number) && fold(data.series) === fold(typed.series);
  });
}

/** The scan the patient uploaded for this card (H7's document_scans row), not removed. */
export async function cardHasScan(db: Knex, card: LinkedCard, scanId: string): Promise<boolean> {
  const row = await db('records')
    .where({ table_name: 'document_scans', clinic_id: card.clinicId, id: scanId.toLowerCase() })
    .whereRaw("data->>'patient_id' = ?", [card.patientId])
    .whereRaw("coalesce(data->>'deleted_at', '') = ''")
    .first<{ id: string } | undefined>('id');
  return row !== undefined;
}
