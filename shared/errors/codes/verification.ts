import type { CodeEntries } from '../code-entries';

/** Online identity and its in-person verification (B6): the desk's check and the server's rule. */
export const verificationCodes = {
  'verification.documents_required': {
    ru: 'Отметьте хотя бы один документ, оригинал которого вы проверили',
    en: 'Mark at least one document whose original you checked',
  },
  'verification.photo_id_required': {
    ru: 'Среди проверенных документов нужен документ с фотографией (паспорт, водительское удостоверение или иной)',
    en: 'The documents checked must include one with a photo (passport, driving licence or other photo ID)',
  },
  'verification.originals_unconfirmed': {
    ru: 'Подтвердите, что проверены оригиналы, а не копии',
    en: 'Confirm that you checked the originals, not copies',
  },
  'verification.not_found': {
    ru: 'У пациента нет попыток подтверждения личности онлайн',
    en: 'The patient has made no online identity attempts',
  },
  'verification.not_locked': {
    ru: 'Пациент не ждёт проверки в регистратуре: подтверждение онлайн не заблокировано',
    en: 'The patient is not waiting for an in-person check: online confirmation is not locked',
  },
  'verification.status_forbidden': {
    ru: 'Рабочее место может только перевести заблокированного пациента в «личность подтверждена в регистратуре»',
    en: 'A workstation may only move a locked patient to “identity verified in person”',
  },
  'verification.field_forbidden': {
    ru: 'Поле {field} подтверждения личности ведёт только сервер',
    en: 'Only the server writes the identity field {field}',
  },
  'verification.not_creatable': {
    ru: 'Запись о подтверждении личности онлайн создаёт только сервер',
    en: 'Only the server creates an online identity record',
  },
  'verification.verifier_mismatch': {
    ru: 'Проверившим документы указан не тот сотрудник, что вносит изменение',
    en: 'The person named as having checked the documents is not the one making the change',
  },
  'verification.scan_unknown': {
    ru: 'Скан {id} не относится к этому пациенту',
    en: 'Scan {id} does not belong to this patient',
  },
  'verification.document_unknown': {
    ru: 'Документ {id} не найден среди документов этого пациента',
    en: 'Document {id} is not among this patient’s documents',
  },
} as const satisfies CodeEntries<'verification'>;
