import type { CodeEntries } from '../code-entries';

/** Errors: the desks' health, its thresholds and alerts (issue 15, G5). */
export const healthCodes = {
  'health.threshold_invalid': {
    ru: 'Порог должен быть целым числом больше нуля',
    en: 'A threshold must be a whole number above zero',
  },
  'health.threshold_order': {
    ru: 'Красный порог должен быть строже жёлтого',
    en: 'The red threshold must be stricter than the amber one',
  },
  'health.thresholds_exist': {
    ru: 'У клиники уже есть пороги: измените их, а не создавайте новые',
    en: 'The clinic already has thresholds: change them rather than add new ones',
  },
  'health.server_unreachable': {
    ru: 'Сервер недоступен: показано состояние только этого рабочего места',
    en: 'The server cannot be reached: only this desk’s own state is shown',
  },
  'health.not_enrolled': {
    ru: 'Рабочее место не подключено к серверу: показано только его собственное состояние',
    en: 'This desk is not enrolled with a server: only its own state is shown',
  },
  'health.report_invalid': { ru: 'Отчёт о состоянии не прочитан', en: 'The health report could not be read' },
  'health.metrics_forbidden': {
    ru: 'Метрики доступны только с этого компьютера или с токеном',
    en: 'Metrics are served only on loopback or with the token',
  },
} as const satisfies CodeEntries<'health'>;
