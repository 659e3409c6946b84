import ExpandMoreOutlined from '@mui/icons-material/ExpandMoreOutlined';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ChartEntryKind } from '../../../shared/chart/entry-kinds';
import type { ChartRevision } from '../../../shared/chart/chart-views';
import { useTexts } from '../../i18n/use-texts';
import { formatInstant } from '../../ui/dates';
import { EntryFacts } from './EntryFacts';

/** The versions an amendment or a removal replaced, newest first, each readable in full (D4). */
export function EntryVersions({ kind, revisions }: { kind: ChartEntryKind; revisions: readonly ChartRevision[] }) {
  const { t, language } = useTexts();
  if (revisions.length === 0) return null;
  const newestFirst = [...revisions].sort((a, b) => b.revision - a.revision);
  return (
    <Stack spacing={1} component="section" aria-labelledby="versions-title">
      <Typography id="versions-title" variant="h2">
        {t('entry.versions')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('entry.versionsIntro')}
      </Typography>
      <div>
        {newestFirst.map((revision) => (
          <Accordion key={revision.revision} variant="outlined" disableGutters>
            <AccordionSummary
              expandIcon={<ExpandMoreOutlined />}
              id={`version-${revision.revision}-summary`}
              aria-controls={`version-${revision.revision}-details`}
            >
              <Stack>
                <Typography component="h3" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                  {t('entry.version', { revision: revision.revision, summary: revision.summary })}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('entry.replaced', {
                    date: formatInstant(revision.replacedAt, language),
                    by: revision.replacedBy ? t('entry.by', { name: revision.replacedBy.name }) : '',
                    reason: revision.reason,
                  })}
                </Typography>
              </Stack>
            </AccordionSummary>
            <AccordionDetails id={`version-${revision.revision}-details`}>
              <Stack spacing={2}>
                <EntryFacts
                  entry={{
                    kind,
                    code: revision.code,
                    summary: revision.summary,
                    status: revision.status,
                    body: revision.body,
                  }}
                />
              </Stack>
            </AccordionDetails>
          </Accordion>
        ))}
      </div>
    </Stack>
  );
}
