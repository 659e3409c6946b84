import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView, AuditVerdictView, auditViews } from '../../../shared/api/audit-calls';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { AuditEventsTable } from './AuditEventsTable';
import { MergeReviews } from './MergeReviews';
import { Loading } from '../../ui/Loading';

// The log's own views, and the merges of duplicate cards (B2), reviewed with both cards.
type AuditView = (typeof auditViews)[number] | 'merges';
const pageSize = 50;
const viewLabels: Record<AuditView, 'all' | 'alerts' | 'signIn' | 'merges'> = {
  all: 'all',
  alerts: 'alerts',
  'sign-in': 'signIn',
  merges: 'merges',
};

interface Page {
  items: AuditEventView[];
  more: boolean;
}

/** The auditor's screen (F1, A3): the log page by page, the alerts raised to them, the chain check. */
export function AuditScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const [view, setView] = useState<AuditView>('alerts');
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [verdict, setVerdict] = useState<AuditVerdictView | ApiError | null>(null);

  useEffect(() => {
    let current = true;
    setPage(null);
    setError(null);
    if (view === 'merges') return;
    void api.audit.events({ view, limit: pageSize }).then((result) => {
      if (!current) return;
      if (result.ok) setPage(result.data);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, view]);

  const loadMore = async () => {
    const last = page?.items.at(-1);
    if (!page || !last || view === 'merges') return;
    const result = await api.audit.events({ view, limit: pageSize, before: last.cursor });
    if (result.ok) setPage({ items: [...page.items, ...result.data.items], more: result.data.more });
    else setError(result.error);
  };

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
      {verdict && 'ok' in verdict && (
        <Alert severity={verdict.ok ? 'success' : 'error'} sx={{ mb: 2 }} onClose={() => setVerdict(null)}>
          {verdict.ok || !verdict.broken
            ? t('auditLog.verifyOk', { events: verdict.events })
            : t('auditLog.verifyBroken', {
                seq: verdict.broken.seq,
                reason: verdict.broken.reason,
                events: verdict.events,
              })}
        </Alert>
      )}
      <ToggleButtonGroup
        exclusive
        size="small"
        value={view}
        onChange={(_, next: AuditView | null) => next && setView(next)}
        aria-label={t('auditLog.views.label')}
        // MUI's unselected grey falls under WCAG AA contrast on the page background.
        sx={{ mb: 2, '& .MuiToggleButton-root': { color: 'text.primary' } }}
      >
        {(Object.keys(viewLabels) as AuditView[]).map((option) => (
          <ToggleButton key={option} value={option}>
            {t(`auditLog.views.${viewLabels[option]}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {view === 'merges' && <MergeReviews />}
      {error && <ApiErrorAlert title={t('auditLog.loadFailed')} problems={[error]} />}
      {view !== 'merges' && !page && !error && <Loading />}
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
