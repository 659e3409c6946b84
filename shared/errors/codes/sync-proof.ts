import type { CodeEntries } from '../code-entries';

/**
 * Proof of who made a synced change (issue 10, item 1; shared/sync/session-proof.ts): the
 * server's refusals of an entry whose session proof does not hold, and the desk's own refusals.
 */
export const syncProofCodes = {
  'sync.proof.missing': {
    ru: 'Изменение пришло без подтверждения того, кто его сделал (сеанс сотрудника не подтверждён)',
    en: 'The change came without proof of who made it (the person’s session is not proven)',
  },
  'sync.proof.device_mismatch': {
    ru: 'Сеанс сотрудника открыт на другом рабочем месте: подтверждение с чужого рабочего места не принимается',
    en: 'The person’s session was opened at another desk: a proof from another desk is not accepted',
  },
  'sync.proof.expired': {
    ru: 'Изменение сделано вне срока сеанса сотрудника (сеанс истёк или ещё не начался)',
    en: 'The change was made outside the person’s session (it had expired or not begun)',
  },
  'sync.proof.statement': {
    ru: 'Подтверждение сеанса не прошло проверку: ключ сотрудника или сервер его не подписывали',
    en: 'The session’s proof does not verify: neither the person’s key nor the server signed it',
  },
  'sync.proof.key_unknown': {
    ru: 'Сеанс подтверждён ключом, который не зарегистрирован за сотрудником или отозван',
    en: 'The session was proven with a key not registered to the person, or revoked',
  },
  'sync.proof.signature': {
    ru: 'Подпись изменения ключом сеанса не сходится: изменение подделано или повреждено',
    en: 'The change’s session signature does not match: the change was forged or damaged',
  },
  'sync.proof.actor_mismatch': {
    ru: 'Изменение записано от имени другого сотрудника, не того, чей сеанс его подписал',
    en: 'The change names another person than the one whose session signed it',
  },
  'sync.proof.updated_by': {
    ru: 'Поле «кем изменено» указывает не на сотрудника, сделавшего изменение',
    en: 'The “changed by” field names someone other than the person who made the change',
  },
  'sync.proof.setup_writer': {
    ru: 'Учётная запись рабочего места не изменяет синхронизируемые данные: войдите как сотрудник',
    en: 'The desk’s setup account does not change synced data: sign in as a person',
  },
  'sync.proof.cli_needs_proof': {
    ru: 'Рабочее место подключено к серверу: команда от имени сотрудника требует касания его ключа (--key)',
    en: 'The desk is enrolled with a server: acting as a person needs a touch of their key (--key)',
  },
} as const satisfies CodeEntries<'sync'>;
