import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflictView } from '../../../shared/api/sync-status';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { SectionCard } from '../../ui/SectionCard';
import { ConflictItem, type Keep } from './ConflictItem';
import { Loading } from '../../ui/Loading';

interface Props {
  /**
   * The list is asked again whenever this changes: the page passes the open conflicts as the
   * polled status counts them (a conflict arrived, or another desk resolved one). Null: wait.
   */
  refreshKey: string | null;
  titleRef: RefObject<HTMLHeadingElement | null>;
  /** After a choice is saved: the status (and with it the count) should be asked again. */
  onResolved: () => void;
}

/** The conflicts staff must decide, each with both values; after a choice, focus returns here. */
export function ConflictsSection({ refreshKey, titleRef, onResolved }: Props) {
  const { t } = useTranslation();
  const conflicts = useApiQuery(
    `sync-conflicts:${refreshKey}`,
    refreshKey === null ? null : (client) => client.sync.conflicts({}),
  );
  // Resolved here: hidden at once, before the list is asked again.
  const [resolved, setResolved] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');
  const resolution = useApiMutation((api, input: { conflict: SyncConflictView; keep: Keep }) =>
    api.sync.resolveConflict({ id: input.conflict.id, keep: input.keep }),
  );
  // The conflict being resolved, or whose resolution was refused last.
  const [current, setCurrent] = useState<string | null>(null);
  const busy = resolution.busy ? current : null;
  const failure = resolution.error && current ? { id: current, error: resolution.error } : null;

  const resolve = async (conflict: SyncConflictView, keep: Keep) => {
    if (resolution.busy) return;
    setCurrent(conflict.id);
    setNotice('');
    const envelope = await resolution.run({ conflict, keep });
    if (!envelope?.ok) return;
    setResolved((prior) => new Set(prior).add(conflict.id));
    if (!envelope.data.resolved) setNotice(t('sync.conflicts.alreadyResolved'));
    else if (keep === 'server') setNotice(t('sync.conflicts.resolvedServer'));
    else setNotice(t('sync.conflicts.resolvedDevice', { device: conflict.deviceName }));
    titleRef.current?.focus();
    onResolved();
  };

  const answer =
    conflicts.status === 'ok' ? conflicts.data : conflicts.status === 'loading' ? conflicts.previous : null;
  const open = answer?.items.filter((item) => !resolved.has(item.id)) ?? null;

  let body;
  if (conflicts.status === 'failed') {
    body = <ApiErrorAlert title={t('sync.conflicts.loadFailed')} problems={[conflicts.error]} />;
  } else if (!open) {
    body = <Loading space={3} />;
  } else if (open.length === 0) {
    body = <EmptyState title={t('sync.conflicts.empty')} hint={t('sync.conflicts.emptyHint')} headingLevel="h3" />;
  } else {
    body = (
      <>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('sync.conflicts.intro')}
        </Typography>
        <Box component="ul" aria-label={t('sync.conflicts.listLabel')} sx={{ m: 0, p: 0, display: 'grid', gap: 2 }}>
          {open.map((conflict) => (
            <ConflictItem
              key={conflict.id}
              conflict={conflict}
              busy={busy !== null}
              failure={failure?.id === conflict.id ? failure.error : null}
              onResolve={(keep) => void resolve(conflict, keep)}
            />
          ))}
        </Box>
      </>
    );
  }

  return (
    <SectionCard title={t('sync.conflicts.title')} titleRef={titleRef}>
      <Box role="status" sx={{ mb: notice ? 2 : 0 }}>
        {notice && <Alert severity="success">{notice}</Alert>}
      </Box>
      {body}
    </SectionCard>
  );
}
