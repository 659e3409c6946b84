import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ChartEntryKind } from '../../../../shared/chart/entry-kinds';
import { FieldList } from '../../../ui/FieldList';
import { bodyRows } from './body-rows';

/** The entry's own fields by kind: short ones as a list, clinical texts (complaints, examination…) as paragraphs. */
export function EntryBody({ kind, body }: { kind: ChartEntryKind; body: Record<string, unknown> }) {
  const { t } = useTranslation();
  const rows = bodyRows(t, kind, body);
  const empty = t('chart.entry.empty');
  const short = rows.filter((row) => !row.long);
  const long = rows.filter((row) => row.long && row.value !== empty);
  return (
    <>
      <FieldList items={short.map((row) => ({ label: row.label, value: row.value, missing: row.value === empty }))} />
      {long.map((row) => (
        <Box key={row.field} sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h3" color="text.secondary">
            {row.label}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{row.value}</Typography>
        </Box>
      ))}
    </>
  );
}
