import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartEntryView, ChartRevision } from '../../../../shared/chart/chart-views';
import { formatDateTime } from '../../../format/date-time';
import { CurrentCaption } from './EntryTrail';
import { VersionCompare } from './VersionCompare';

/**
 * The entry's previous versions beside the current one (D4): pick a version, read both side by
 * side with who replaced it, when and why. `title` names why it opened (another user's change).
 */
export function VersionsDialog({
  entry,
  revisions,
  initialRevision,
  title,
  onClose,
}: {
  entry: ChartEntryView;
  /** Newest first. */
  revisions: readonly ChartRevision[];
  initialRevision?: number;
  title?: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [picked, setPicked] = useState(
    revisions.find((revision) => revision.revision === initialRevision)?.revision ?? revisions[0]?.revision ?? 0,
  );
  const previous = revisions.find((revision) => revision.revision === picked);

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>{title ?? t('chart.entry.versions.title')}</DialogTitle>
      <DialogContent>
        <TextField
          select
          size="small"
          label={t('chart.entry.versions.pick')}
          value={picked}
          onChange={(event) => setPicked(Number(event.target.value))}
          sx={{ minWidth: 360, mt: 1, mb: 2 }}
        >
          {revisions.map((revision) => (
            <MenuItem key={revision.revision} value={revision.revision}>
              {t('chart.entry.versions.previous', { revision: revision.revision })} —{' '}
              {formatDateTime(revision.replacedAt)}
            </MenuItem>
          ))}
        </TextField>
        {previous && (
          <VersionCompare
            kind={entry.kind}
            left={{
              heading: t('chart.entry.versions.previous', { revision: previous.revision }),
              caption: (
                <>
                  {t('chart.entry.versions.replaced', {
                    at: formatDateTime(previous.replacedAt),
                    by: previous.replacedBy?.name ?? t('chart.entry.someone'),
                  })}
                  <br />
                  {t('chart.entry.versions.reason', { reason: previous.reason })}
                </>
              ),
              summary: previous.summary,
              body: previous.body,
            }}
            right={{
              heading: t('chart.entry.versions.current', { revision: entry.revision }),
              caption: <CurrentCaption entry={entry} />,
              summary: entry.summary,
              body: entry.body,
            }}
          />
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} variant="contained">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
