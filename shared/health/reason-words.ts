import type { HealthReason } from './evaluate-health';
import type { HealthMetric } from './thresholds';

/**
 * A reason in words, for what the server writes itself (an alert incident's title and detail,
 * in Russian first); the desk's screens say the same through their i18n keys.
 */
const metricWords: Record<HealthMetric, { ru: string; en: string; unit: { ru: string; en: string } }> = {
  sync: { ru: 'нет синхронизации', en: 'no sync', unit: { ru: 'мин', en: 'min' } },
  outbox: { ru: 'не отправлено изменений', en: 'changes not sent', unit: { ru: '', en: '' } },
  conflicts: { ru: 'открытых конфликтов', en: 'open conflicts', unit: { ru: '', en: '' } },
  disk: { ru: 'свободно на диске', en: 'free disk space', unit: { ru: 'МБ', en: 'MB' } },
  backup: { ru: 'нет резервной копии', en: 'no backup', unit: { ru: 'дн', en: 'days' } },
  drill: { ru: 'нет проверки восстановления', en: 'no restore drill', unit: { ru: 'дн', en: 'days' } },
};

export function reasonText(reason: HealthReason, lang: 'ru' | 'en'): string {
  const words = metricWords[reason.metric];
  const unit = words.unit[lang] ? ` ${words.unit[lang]}` : '';
  const never = lang === 'ru' ? 'никогда' : 'never';
  const limit = lang === 'ru' ? 'порог' : 'limit';
  const value = reason.value === null ? never : `${reason.value}${unit}`;
  return `${words[lang]}: ${value} (${limit} ${reason.limit}${unit})`;
}
