import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { Link as RouterLink } from 'react-router';
import type { ChartSummary } from '../../../shared/chart/chart-views';
import { useTexts } from '../../i18n/use-texts';
import { entryTitle, entryWhen } from './chart-words';
import { EntryMarks } from './EntryMarks';

/** The history's rows: a table on a wide screen, one card per entry on a phone; each opens the entry. */
export function HistoryList({ items }: { items: readonly ChartSummary[] }) {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'));
  return wide ? <HistoryTable items={items} /> : <HistoryCards items={items} />;
}

function entryPath(entry: ChartSummary): string {
  return `/cabinet/cards/${encodeURIComponent(entry.id)}`;
}

function HistoryTable({ items }: { items: readonly ChartSummary[] }) {
  const { t, language } = useTexts();
  return (
    <Table size="small" aria-labelledby="history-title">
      <TableHead>
        <TableRow>
          <TableCell scope="col">{t('cards.date')}</TableCell>
          <TableCell scope="col">{t('cards.kind')}</TableCell>
          <TableCell scope="col">{t('cards.what')}</TableCell>
          <TableCell scope="col">{t('cards.doctor')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((entry) => (
          <TableRow key={entry.id} hover>
            <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{entryWhen(entry, language)}</TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              {t(`kinds.${entry.kind}`)}
              {entry.visitType ? (
                <Typography variant="body2" color="text.secondary">
                  {t(`visitTypes.${entry.visitType}`)}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>
              <Stack spacing={0.5}>
                <Link
                  component={RouterLink}
                  to={entryPath(entry)}
                  sx={{
                    overflowWrap: 'anywhere',
                    textDecoration: entry.deleted && entry.summary ? 'line-through' : undefined,
                  }}
                >
                  {entryTitle(t, entry)}
                </Link>
                <EntryMarks entry={entry} />
              </Stack>
            </TableCell>
            <TableCell sx={{ verticalAlign: 'top' }}>{entry.doctor?.name ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function HistoryCards({ items }: { items: readonly ChartSummary[] }) {
  const { t, language } = useTexts();
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-labelledby="history-title">
      {items.map((entry) => (
        <li key={entry.id}>
          <Card variant="outlined">
            <CardActionArea component={RouterLink} to={entryPath(entry)}>
              <CardContent sx={{ py: 1.5 }}>
                <Typography variant="body2" color="text.secondary">
                  {entryWhen(entry, language)} · {t(`kinds.${entry.kind}`)}
                  {entry.visitType ? ` · ${t(`visitTypes.${entry.visitType}`)}` : ''}
                </Typography>
                <Typography
                  sx={{
                    fontWeight: 500,
                    overflowWrap: 'anywhere',
                    textDecoration: entry.deleted && entry.summary ? 'line-through' : undefined,
                  }}
                >
                  {entryTitle(t, entry)}
                </Typography>
                {entry.doctor ? (
                  <Typography variant="body2" color="text.secondary">
                    {entry.doctor.name}
                  </Typography>
                ) : null}
                <EntryMarks entry={entry} />
              </CardContent>
            </CardActionArea>
          </Card>
        </li>
      ))}
    </Stack>
  );
}
