import Close from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartDetail } from './use-entry-detail';
import type { ChartDraft } from '../../../../shared/chart/drafts';
import type { ChartEntryView } from '../../../../shared/chart/chart-views';
import { usePermissions } from '../../../app/session';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { FieldList } from '../../../ui/FieldList';
import { Loading } from '../../../ui/Loading';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { entryDate } from '../history/entry-date';
import { KindIcon } from '../history/kind-icon';
import { StatusChips } from '../history/StatusChips';
import { ChangedBanner } from './ChangedBanner';
import { ConflictDialog } from './ConflictDialog';
import { EntryBody } from './EntryBody';
import { EntryChildren } from './EntryChildren';
import { EntryOverrides } from './EntryOverrides';
import { EntryReports } from './EntryReports';
import { CurrentCaption, EntryTrail } from './EntryTrail';
import { EditEntryDialog, NewEntryMenu } from './forms-slot';
import { useEntryDetail } from './use-entry-detail';
import { useEntryWatch } from './use-entry-watch';
import { RestrictEntryButton } from '../access/RestrictEntryButton';
import { VersionsDialog } from './VersionsDialog';

type Dialog =
  | { name: 'none' }
  | { name: 'versions'; revision?: number; title?: string }
  | { name: 'remove' }
  | { name: 'amend'; entry: ChartEntryView }
  | { name: 'conflict'; draft: ChartDraft };

/**
 * The entry opened from the history, beside it: the full entry by kind, who wrote and changed it,
 * accepted warnings, the patient's reports; its versions; Amend and Remove. While it is open it
 * watches for another desk's change (D5) and says so at once.
 */
export function EntryPanel({
  id,
  onClose,
  onOpen,
  onChanged,
}: {
  id: string;
  onClose(): void;
  /** Open another entry (one of this encounter's). */
  onOpen(id: string): void;
  /** The entry was written here: the history reloads. */
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const detail = useEntryDetail(id);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      sx={{ height: '100%', overflowY: 'auto', p: 2, position: 'relative' }}
    >
      <IconButton
        aria-label={t('chart.entry.close')}
        onClick={onClose}
        size="small"
        sx={{ position: 'absolute', top: 8, right: 8 }}
      >
        <Close />
      </IconButton>
      {detail.state.status === 'failed' && (
        <>
          <Typography id={headingId} variant="h3" component="h2" sx={{ mb: 2, pr: 5 }}>
            {t('chart.entry.panelLabel')}
          </Typography>
          <ApiErrorAlert title={t('chart.entry.loadFailed')} problems={[detail.state.error]} />
        </>
      )}
      {detail.shown ? (
        <OpenEntry
          key={detail.shown.entry.id}
          detail={detail.shown}
          headingId={headingId}
          reloading={detail.state.status === 'loading'}
          reload={detail.reload}
          onOpen={onOpen}
          onChanged={() => {
            detail.reload();
            onChanged();
          }}
        />
      ) : (
        detail.state.status !== 'failed' && <Loading space={4} />
      )}
    </Paper>
  );
}

function OpenEntry({
  detail,
  headingId,
  reloading,
  reload,
  onOpen,
  onChanged,
}: {
  detail: ChartDetail;
  headingId: string;
  /** The entry is being read again (after a change made here): a newer revision is no news then. */
  reloading: boolean;
  reload(): void;
  onOpen(id: string): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const may = usePermissions();
  const childrenId = useId();
  const reportsId = useId();
  const { entry, revisions, children, reports } = detail;
  const [dialog, setDialog] = useState<Dialog>({ name: 'none' });
  // The revision the doctor is reading: a change past it is someone else's until the panel reloads.
  const moved = useEntryWatch(entry.id, entry.revision, entry.deletedAt !== null);
  const mayWrite = may('chart.write') && entry.deletedAt === null;
  const close = () => setDialog({ name: 'none' });

  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'text.secondary', pr: 5 }}>
        <KindIcon kind={entry.kind} />
        <Typography variant="body2">
          {t(`chart.kinds.${entry.kind}`)} · {entryDate(entry)} ·{' '}
          {t('chart.entry.revision', { revision: entry.revision })}
        </Typography>
      </Box>
      <Typography
        id={headingId}
        variant="h3"
        component="h2"
        sx={{ mt: 0.5, mb: 1, pr: 5, textDecoration: entry.deletedAt ? 'line-through' : 'none' }}
      >
        {entry.summary}
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mb: 1.5 }}>
        <StatusChips entry={entry} />
      </Box>
      {entry.deletedAt && (
        <Alert severity="error" icon={false} sx={{ mb: 2 }}>
          <CurrentCaption entry={entry} />
        </Alert>
      )}

      {moved && !reloading && (
        <ChangedBanner
          change={moved}
          onCompare={() => {
            // Opens once the reloaded entry lists the revision read here among the previous ones.
            setDialog({ name: 'versions', revision: entry.revision, title: t('chart.entry.conflict.compareTitle') });
            reload();
          }}
          onReload={reload}
        />
      )}

      <Box
        role="group"
        aria-label={t('chart.entry.actions.label')}
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}
      >
        {mayWrite && (
          <Button variant="contained" onClick={() => setDialog({ name: 'amend', entry })}>
            {t('chart.entry.actions.amend')}
          </Button>
        )}
        {mayWrite && (
          <Button variant="outlined" color="error" onClick={() => setDialog({ name: 'remove' })}>
            {t('chart.entry.actions.remove')}
          </Button>
        )}
        {mayWrite && <RestrictEntryButton patientId={entry.patientId} entryId={entry.id} />}
        {revisions.length > 0 && (
          <Button variant="outlined" onClick={() => setDialog({ name: 'versions' })}>
            {t('chart.entry.actions.versions', { count: revisions.length })}
          </Button>
        )}
      </Box>

      <FieldList
        items={[
          {
            label: t('chart.entry.code'),
            value: entry.code ?? t('chart.history.noCode'),
            missing: entry.code === null,
          },
          {
            label: t('chart.entry.doctor'),
            value: entry.doctor?.name ?? t('chart.history.noDoctor'),
            missing: entry.doctor === null,
          },
          ...(entry.visitType && entry.kind !== 'encounter'
            ? [{ label: t('chart.entry.visitType'), value: t(`chart.history.visitTypes.${entry.visitType}`) }]
            : []),
        ]}
      />
      <Divider sx={{ my: 2 }} />
      <EntryBody kind={entry.kind} body={entry.body} />
      {entry.overrides.length > 0 && <EntryOverrides entry={entry} />}

      {entry.kind === 'encounter' && (
        <>
          <Divider sx={{ my: 2 }} />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
            <Typography id={childrenId} variant="subtitle1" component="h3" sx={{ flex: 1, fontWeight: 600 }}>
              {t('chart.entry.children')}
            </Typography>
            {mayWrite && (
              <NewEntryMenu
                patientId={entry.patientId}
                encounterId={entry.id}
                onRecorded={() => {
                  onChanged();
                }}
              />
            )}
          </Box>
          <EntryChildren items={children} headingId={childrenId} onOpen={onOpen} />
        </>
      )}

      {reports.length > 0 && (
        <>
          <Divider sx={{ my: 2 }} />
          <Typography id={reportsId} variant="subtitle1" component="h3" sx={{ mb: 1, fontWeight: 600 }}>
            {t('chart.entry.reports.title')}
          </Typography>
          <EntryReports reports={reports} headingId={reportsId} />
        </>
      )}

      <Divider sx={{ my: 2 }} />
      <EntryTrail entry={entry} />

      {dialog.name === 'versions' &&
        revisions.some((revision) => dialog.revision === undefined || revision.revision === dialog.revision) && (
          <VersionsDialog
            entry={entry}
            revisions={revisions}
            initialRevision={dialog.revision}
            title={dialog.title}
            onClose={close}
          />
        )}
      {dialog.name === 'remove' && (
        <ReasonDialog
          texts={{
            title: t('chart.entry.remove.title'),
            intro: t('chart.entry.remove.intro'),
            reason: t('chart.entry.remove.reason'),
            submit: t('chart.entry.remove.submit'),
            failed: t('chart.entry.remove.failed'),
          }}
          multiline
          send={(api, reason) => api.chart.remove({ id: entry.id, baseRevision: entry.revision, reason })}
          onDone={() => {
            close();
            onChanged();
          }}
          onClose={close}
        />
      )}
      <EditEntryDialog
        entry={dialog.name === 'amend' ? dialog.entry : entry}
        open={dialog.name === 'amend'}
        mode="amend"
        onClose={close}
        onSaved={() => {
          close();
          onChanged();
        }}
        onConflict={(draft) => setDialog({ name: 'conflict', draft })}
      />
      {dialog.name === 'conflict' && (
        <ConflictDialog
          entryId={entry.id}
          draft={dialog.draft}
          onClose={() => {
            close();
            reload();
          }}
          onAmendAgain={(fresh) => {
            setDialog({ name: 'amend', entry: fresh });
            reload();
          }}
        />
      )}
    </>
  );
}
