import { useTranslation } from 'react-i18next';
import type { HealthReason } from '../../../shared/health/evaluate-health';

/** A reason in the desk's words: what, how much, against which limit; "never" where it never happened. */
export function useReasonText(): (reason: HealthReason) => string {
  const { t } = useTranslation();
  return (reason) => {
    if (reason.value === null) {
      if (reason.metric === 'sync') return t('health.reason.syncNever');
      if (reason.metric === 'backup') return t('health.reason.backupNever');
      if (reason.metric === 'drill') return t('health.reason.drillNever');
    }
    return t(`health.reason.${reason.metric}`, { value: reason.value, limit: reason.limit });
  };
}
