import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditVerdictView, auditViews } from '../../../shared/api/audit-calls';
import { localize } from '../../../shared/errors/catalog';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { FieldMessage } from '../../forms/FieldMessage';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFilters } from './AuditFilters';
import { ChainVerdict } from './ChainVerdict';
import { EmergencyReviews } from './EmergencyReviews';
import { MergeReviews } from './MergeReviews';
import { useAuditEvents } from './use-audit-events';
import { Loading } from '../../ui/Loading';

// The log's own views, and the merges of duplicate cards (B2), reviewed with both cards.
type AuditView = (typeof auditViews)[number] | 'merges' | 'emergency';
const viewLabels: Record<Exclude<AuditView, 'emergency'>, 'all' | 'alerts' | 'signIn' | 'merges'> = {
  all: 'all',
  alerts: 'alerts',
  'sign-in': 'signIn',
  merges: 'merges',
};

/**
 * The auditor's screen (F1, A3; issue 10, item 3): the clinic's audit, every desk's, from the
 * server, filtered and page by page (this desk's own, with a note, when the server cannot be
 * asked); the alerts raised to them; the chain check against the server's copy.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [view, setView] = useState<AuditView>('alerts');
  const [filter, setFilter] = useState<AuditFilter>({});
  const { page, error, loadMore } = useAuditEvents(view === 'merges' || view === 'emergency' ? null : view, filter);
  const [verdict, setVerdict] = useState<AuditVerdictView | ApiError | null>(null);

  const verify = async () => {
    const result = await api.audit.verify({});
    setVerdict(result.ok ? result.data : result.error);
  };

  return (
    <>
      <ScreenHeader
        title={t('auditLog.title')}
        subtitle={t('auditLog.subtitle')}
        action={
          <Button variant="outlined" onClick={() => void verify()}>
            {t('auditLog.verify')}
          </Button>
        }
      />
      {verdict && 'code' in verdict && <ApiErrorAlert title={t('auditLog.verifyFailed')} problems={[verdict]} />}
      {verdict && 'ok' in verdict && <ChainVerdict verdict={verdict} onClose={() => setVerdict(null)} />}
      <ToggleButtonGroup
        exclusive
        size="small"
        value={view}
        onChange={(_, next: AuditView | null) => next && setView(next)}
        aria-label={t('auditLog.views.label')}
        // MUI's unselected grey falls under WCAG AA contrast on the page background.
        sx={{ mb: 2 }}
      >
        {(Object.keys(viewLabels) as (keyof typeof viewLabels)[]).map((option) => (
          <ToggleButton key={option} value={option}>
            {t(`auditLog.views.${viewLabels[option]}`)}
          </ToggleButton>
        ))}
        {/* Break-the-glass grants for the auditor's verdict (issue 14, F4). */}
        <ToggleButton value="emergency">{t('chartAccess.reviews.tab')}</ToggleButton>
      </ToggleButtonGroup>
      {view === 'merges' && <MergeReviews />}
      {view === 'emergency' && <EmergencyReviews />}
      {view !== 'merges' && view !== 'emergency' && <AuditFilters onApply={setFilter} />}
      {page?.note && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <FieldMessage problem={{ code: page.note, message: localize(page.note) }} />
        </Alert>
      )}
      {page?.source === 'clinic' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('auditLog.clinicWide')}
        </Alert>
      )}
      {error && <ApiErrorAlert title={t('auditLog.loadFailed')} problems={[error]} />}
      {view !== 'merges' && view !== 'emergency' && !page && !error && <Loading />}
      {page && page.items.length === 0 && <EmptyState title={t('auditLog.empty')} hint={t('auditLog.emptyHint')} />}
      {page && page.items.length > 0 && <AuditEventsTable items={page.items} />}
      {page?.more && (
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 2 }}>
          <Button onClick={() => void loadMore()}>{t('auditLog.more')}</Button>
        </Box>
      )}
    </>
  );
}
