import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartEntryView } from '../../../../shared/chart/chart-views';
import type { ChartDraft } from '../../../../shared/chart/drafts';
import { useApiQuery } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Loading } from '../../../ui/Loading';
import { CurrentCaption } from './EntryTrail';
import { VersionCompare } from './VersionCompare';

/**
 * Saving an amendment over a newer version was refused (`chart.entry.changed`, D5): the saved
 * version and the doctor's draft side by side, nothing overwritten; the doctor amends the new one.
 */
export function ConflictDialog({
  entryId,
  draft,
  onClose,
  onAmendAgain,
}: {
  entryId: string;
  draft: ChartDraft;
  onClose(): void;
  onAmendAgain(entry: ChartEntryView): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const saved = useApiQuery(`chart-conflict:${entryId}`, (api) => api.chart.entry({ id: entryId }));
  const entry = saved.status === 'ok' ? saved.data.entry : null;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>{t('chart.entry.conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('chart.entry.conflict.intro')}</DialogContentText>
        {saved.status === 'failed' && <ApiErrorAlert title={t('chart.entry.loadFailed')} problems={[saved.error]} />}
        {saved.status !== 'failed' && !entry && <Loading space={3} />}
        {entry && (
          <VersionCompare
            onlyChangedAtFirst
            kind={entry.kind}
            left={{
              heading: t('chart.entry.conflict.theirs', { revision: entry.revision }),
              caption: <CurrentCaption entry={entry} />,
              summary: null,
              body: entry.body,
            }}
            right={{ heading: t('chart.entry.conflict.yours'), summary: null, body: draft.body }}
          />
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common.close')}</Button>
        <Button
          variant="contained"
          disabled={!entry || entry.deletedAt !== null}
          onClick={() => entry && onAmendAgain(entry)}
        >
          {t('chart.entry.conflict.again')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
