import Alert from '@mui/material/Alert';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/errors/catalog';
import { useApiQuery } from '../../api/use-api-query';
import { usePolledQuery } from '../../api/use-polled-query';
import { FieldMessage } from '../../forms/FieldMessage';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { SectionCard } from '../../ui/SectionCard';
import { DesksTable } from './DesksTable';
import { healthChangedEvent, healthEvents } from './health-events';
import { ThresholdsForm } from './ThresholdsForm';

const pollMs = 30_000;

/** «Состояние рабочих мест» (G5): every desk of the clinic, the one needing attention first, and the thresholds. */
export function HealthScreen() {
  const { t } = useTranslation();
  const desks = usePolledQuery((api) => api.health.desks({}), pollMs);
  const thresholds = useApiQuery('thresholds', (api) => api.health['thresholds.get']({}));
  const { refresh } = desks;
  useEffect(() => {
    healthEvents.addEventListener(healthChangedEvent, refresh);
    return () => healthEvents.removeEventListener(healthChangedEvent, refresh);
  }, [refresh]);

  const shown =
    desks.state.status === 'ok' ? desks.state.data : desks.state.status === 'loading' ? desks.state.previous : null;
  return (
    <>
      <ScreenHeader title={t('health.title')} subtitle={t('health.intro')} />
      <SectionCard title={t('health.desks')}>
        {shown?.note && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            <FieldMessage problem={{ code: shown.note, message: localize(shown.note) }} />
          </Alert>
        )}
        {desks.state.status === 'failed' && (
          <ApiErrorAlert
            title={t('health.loadFailed')}
            problems={[{ code: desks.state.error.code, message: desks.state.error.message }]}
          />
        )}
        {shown ? <DesksTable desks={shown.desks} /> : desks.state.status !== 'failed' && <Loading />}
      </SectionCard>
      {thresholds.status === 'ok' && (
        <ThresholdsForm initial={thresholds.data.thresholds} isDefault={thresholds.data.isDefault} />
      )}
    </>
  );
}
