import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useSyncStatus } from '../../sync/sync-status-context';
import { useSyncSummary } from '../../sync/sync-summary';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ConflictsSection } from './ConflictsSection';
import { ConnectDeskHelp } from './ConnectDeskHelp';
import { RefusedChangesSection } from './RefusedChangesSection';
import { SyncOverview } from './SyncOverview';
import { wantsConflicts } from '../../sync/sync-route';

/** The sync page: the state, how to connect when not connected, conflicts, refused changes. */
export function SyncScreen() {
  const { t } = useTranslation();
  const { state, refresh } = useSyncStatus();
  const { summary, status } = useSyncSummary();
  const location = useLocation();
  const conflictsTitle = useRef<HTMLHeadingElement>(null);

  // Opened from the status bar's conflicts chip: start at the conflicts.
  useEffect(() => {
    if (!wantsConflicts(location.state)) return;
    conflictsTitle.current?.focus();
    conflictsTitle.current?.scrollIntoView({ block: 'start' });
  }, [location.key, location.state]);

  const conflictsKey = status ? String(status.conflicts) : state.status === 'failed' ? 'status-unknown' : null;

  return (
    <>
      <ScreenHeader title={t('sync.page.title')} subtitle={t('sync.page.intro')} />
      <SyncOverview summary={summary} status={status} />
      {status?.status === 'not_configured' && <ConnectDeskHelp />}
      <ConflictsSection refreshKey={conflictsKey} titleRef={conflictsTitle} onResolved={refresh} />
      {status && <RefusedChangesSection refused={status.refused} />}
    </>
  );
}
