import type { Knex } from 'knex';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import { toRecord } from '../../db/values';
import { enqueueNotification } from '../../notifications/enqueue';
import type { HeldConsent } from './share-consent-state';

/**
 * The e-mail a sending becomes (D6): the shared entries' content in plain text — each entry's
 * day and summary line, then the texts of its body under Russian labels — queued in the outbox
 * in the transaction that accepted the sending, so the message exists exactly when the sending
 * does. The outbox's row is the record that it went (its `sent_at`), and its parameters are
 * scrubbed once sent.
 */
const bodyLabels: Record<string, string> = {
  department: 'Отделение',
  complaints: 'Жалобы',
  history: 'Анамнез',
  examination: 'Осмотр',
  conclusion: 'Заключение',
  substance: 'Вещество',
  reaction: 'Реакция',
  test: 'Исследование',
  value: 'Результат',
  unit: 'Единицы',
  title: 'Документ',
  comment: 'Комментарий',
};

/** The outbox holds each parameter up to 4,000 characters: a longer entry is cut with a mark. */
const paramMax = 4000;
const cut = (text: string) => (text.length <= paramMax ? text : `${text.slice(0, paramMax - 14)}… (сокращено)`);

function entryText(data: Record<string, unknown>): string {
  const occurred = String(data.occurred_at ?? '').slice(0, 10);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(occurred) ? formatRussianDate(occurred) : occurred;
  const lines = [`${day} — ${String(data.summary ?? '')}`];
  let body: Record<string, unknown> = {};
  try {
    body = toRecord(data.body ?? '{}');
  } catch {
    body = {};
  }
  for (const [field, label] of Object.entries(bodyLabels)) {
    const value = body[field];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
      lines.push(`${label}: ${String(value)}`);
  }
  return cut(lines.join('\n'));
}

function patientName(data: Record<string, unknown>): string {
  const name = [data.surname, data.name, data.patronymic].filter((part) => typeof part === 'string' && part !== '');
  const born = typeof data.birth_date === 'string' ? `, ${formatRussianDate(data.birth_date)} г. р.` : '';
  return `${name.join(' ')}${born}`;
}

/** Queues the e-mail of one sending to the consent's recipient; returns the outbox row's id. */
export async function queueShareMail(
  trx: Knex.Transaction,
  share: { clinicId: string; patientId: string; entryIds: readonly string[] },
  consent: HeldConsent,
  now: Date,
): Promise<string> {
  if (consent.recipient === null) throw new Error('A sending was accepted under a consent without a recipient');
  const clinic = await trx('clinics').where({ id: share.clinicId }).first<{ name: string } | undefined>('name');
  const patient = await trx('records')
    .where({ table_name: 'patients', clinic_id: share.clinicId, id: share.patientId })
    .first<{ data: unknown } | undefined>('data');
  const entries = await trx('records')
    .where({ table_name: 'chart_entries', clinic_id: share.clinicId })
    .whereIn('id', [...share.entryIds])
    .orderByRaw("data->>'occurred_at' DESC, id ASC")
    .select<{ data: unknown }[]>('data');
  const params: Record<string, string> = {
    clinic: clinic?.name && clinic.name !== 'default' ? clinic.name : 'Поликлиника',
    patient: (patient ? patientName(toRecord(patient.data)) : '') || 'без указания имени',
    count: String(entries.length),
  };
  entries.forEach((entry, at) => {
    params[`entry${at + 1}`] = entryText(toRecord(entry.data));
  });
  return enqueueNotification(
    trx,
    {
      clinicId: share.clinicId,
      accountId: null,
      channel: 'email',
      to: consent.recipient.email,
      template: 'chart_share',
      params,
    },
    now,
  );
}
