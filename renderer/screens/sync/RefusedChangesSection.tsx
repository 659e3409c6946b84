import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { isErrorCode, localize } from '../../../shared/errors/catalog';
import { FieldMessage } from '../../forms/FieldMessage';
import type { FieldProblem } from '../../forms/field-problem';
import { formatDateTime } from '../../format/date-time';
import { SectionCard } from '../../ui/SectionCard';
import { SmallPrint } from '../../ui/SmallPrint';
import { fieldLabel, tableLabel } from './record-labels';

type RefusedChange = SyncStatus['refused'][number];

/** The server's refusal in words, its `{table}`/`{field}` filled with the labels staff know. */
function refusalProblem(t: TFunction, change: RefusedChange): FieldProblem {
  if (!isErrorCode(change.code)) return { code: change.code, message: { ru: change.code, en: change.code } };
  const params = {
    table: tableLabel(t, change.table),
    field: change.field ? fieldLabel(t, change.table, change.field) : '',
  };
  return { code: change.code, message: localize(change.code, params) };
}

/** The record's kind (a link to the card for a patient) and its id in small print, for support. */
function RecordCell({ change }: { change: RefusedChange }) {
  const { t } = useTranslation();
  const label = tableLabel(t, change.table);
  return (
    <>
      {change.table === 'patients' ? (
        <Link component={RouterLink} to={`/patients/${change.rowId}`}>
          {label}
        </Link>
      ) : (
        label
      )}
      <SmallPrint>{change.rowId}</SmallPrint>
    </>
  );
}

/**
 * What the server would not take (the desk keeps it: nothing is dropped), with the code support
 * needs to find the cause.
 */
export function RefusedChangesSection({ refused }: { refused: readonly RefusedChange[] }) {
  const { t } = useTranslation();
  if (refused.length === 0) {
    return (
      <SectionCard title={t('sync.refused.title')}>
        <Typography color="text.secondary">{t('sync.refused.empty')}</Typography>
      </SectionCard>
    );
  }
  return (
    <SectionCard title={t('sync.refused.title')}>
      <Typography sx={{ mb: 2 }}>{t('sync.refused.kept')}</Typography>
      <TableContainer>
        <Table aria-label={t('sync.refused.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('sync.refused.columns.record')}</TableCell>
              <TableCell>{t('sync.refused.columns.field')}</TableCell>
              <TableCell>{t('sync.refused.columns.error')}</TableCell>
              <TableCell>{t('sync.refused.columns.at')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {refused.map((change, index) => (
              <TableRow key={`${change.rowId}-${change.at}-${index}`}>
                <TableCell>
                  <RecordCell change={change} />
                </TableCell>
                <TableCell>
                  {change.field ? fieldLabel(t, change.table, change.field) : t('sync.refused.wholeRecord')}
                </TableCell>
                <TableCell>
                  <FieldMessage problem={refusalProblem(t, change)} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(change.at)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </SectionCard>
  );
}
