import type { TFunction } from 'i18next';
import { chartBodySchemas } from '../../../../shared/chart/drafts';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { formatRussianDate, isCalendarDate } from '../../../../shared/domain/calendar-date';
import { formatDateTime } from '../../../format/date-time';
import type { ru } from '../../../i18n/ru';

type FieldName = keyof typeof ru.chart.entry.fields;
type ValueList = keyof typeof ru.chart.entry.values;

export interface BodyRow {
  field: string;
  label: string;
  value: string;
  /** Long clinical text (complaints, examination): shown as a paragraph, not beside its label. */
  long: boolean;
}

const longFields = new Set(['complaints', 'history', 'examination', 'conclusion', 'comment']);

// Every field any kind's body has: the texts name each of them.
const bodyFieldNames = new Set(Object.values(chartBodySchemas).flatMap((schema) => Object.keys(schema.shape)));

function isFieldName(field: string): field is FieldName {
  return bodyFieldNames.has(field);
}

function isValueList(field: string): field is ValueList {
  return ['unit', 'role', 'status', 'route', 'severity', 'verification', 'flag', 'type'].includes(field);
}

function valueText(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('chart.entry.empty');
  if (typeof value === 'number') return value.toLocaleString('ru-RU');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field === 'at') return formatDateTime(value);
  if (field === 'visitType') return t(`chart.history.visitTypes.${value}`, { defaultValue: value });
  if (isValueList(field)) return t(`chart.entry.values.${field}.${value}`, { defaultValue: value });
  if (isCalendarDate(value)) return formatRussianDate(value);
  return value;
}

/**
 * A body's fields in the order its kind's schema lists them, each with its label and its value in
 * words (dates as `25.11.2026`, chosen values in the desk's language). Fields the schema does not
 * know (an older version's body) are shown too, after the known ones, under their own name.
 */
export function bodyRows(t: TFunction, kind: ChartEntryKind, body: Record<string, unknown>): BodyRow[] {
  const known = Object.keys(chartBodySchemas[kind].shape);
  const extra = Object.keys(body).filter((field) => !known.includes(field));
  return [...known, ...extra].map((field) => ({
    field,
    label: isFieldName(field) ? t(`chart.entry.fields.${field}`) : field,
    value: valueText(t, field, body[field]),
    long: longFields.has(field),
  }));
}
