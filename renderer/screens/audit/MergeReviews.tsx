import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeReviewView } from '../../../shared/api/audit-calls';
import { formatRussianDate } from '../../../shared/domain/calendar-date';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { useActorNames } from '../../app/actor-name';
import { formatDateTime } from '../../format/date-time';
import { displaySnils } from '../../format/identifiers';
import { fullName } from '../../format/person-name';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { EmptyState } from '../../ui/EmptyState';
import { SmallPrint } from '../../ui/SmallPrint';
import { roleLabel } from '../patients/card/access-log-labels';
import { Loading } from '../../ui/Loading';

const pageSize = 50;

function Card({ card }: { card: MergeReviewView['survivor'] }) {
  const { t } = useTranslation();
  if (!card)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('auditLog.merges.unknownCard')}
      </Typography>
    );
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {fullName(card)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[formatRussianDate(card.birthDate), card.snils ? displaySnils(card.snils) : null].filter(Boolean).join(' · ')}
      </Typography>
      <SmallPrint>{card.id}</SmallPrint>
    </>
  );
}

/** The auditor's review of merged duplicates (B2): both cards, who merged them, what moved and why. */
export function MergeReviews() {
  const { t } = useTranslation();
  const api = useApi();
  const actors = useActorNames();
  const [page, setPage] = useState<{ items: MergeReviewView[]; more: boolean } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    void api.audit.merges({ limit: pageSize }).then((result) => {
      if (!current) return;
      if (result.ok) setPage(result.data);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const loadMore = async () => {
    const last = page?.items.at(-1);
    if (!page || !last) return;
    const result = await api.audit.merges({ limit: pageSize, before: last.seq });
    if (result.ok) setPage({ items: [...page.items, ...result.data.items], more: result.data.more });
    else setError(result.error);
  };

  if (error) return <ApiErrorAlert title={t('auditLog.loadFailed')} problems={[error]} />;
  if (!page) return <Loading space={0} />;
  if (page.items.length === 0)
    return <EmptyState title={t('auditLog.merges.empty')} hint={t('auditLog.merges.emptyHint')} />;
  return (
    <>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t('auditLog.merges.tableLabel')}>
          <TableHead>
            <TableRow>
              {(['at', 'actor', 'survivor', 'merged', 'moved', 'reason'] as const).map((column) => (
                <TableCell key={column}>{t(`auditLog.merges.columns.${column}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {page.items.map((item) => (
              <TableRow key={item.seq} sx={{ verticalAlign: 'top' }}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.at)}</TableCell>
                <TableCell>
                  {actors.byName(item.actorName)}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {roleLabel(t, item.actorRole)} · {item.deviceName}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Card card={item.survivor} />
                </TableCell>
                <TableCell>
                  <Card card={item.merged} />
                </TableCell>
                <TableCell>
                  {[
                    ...item.identifiers.map((field) => t(`patients.fields.${field}`)),
                    item.scans > 0 ? t('auditLog.merges.scans', { count: item.scans }) : null,
                  ]
                    .filter(Boolean)
                    .join(', ') || t('auditLog.merges.nothingMoved')}
                </TableCell>
                <TableCell>{item.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {page.more && (
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 2 }}>
          <Button onClick={() => void loadMore()}>{t('auditLog.more')}</Button>
        </Box>
      )}
    </>
  );
}
