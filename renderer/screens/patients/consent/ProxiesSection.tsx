import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyView } from '../../../../shared/api/consent-calls';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { Patient } from '../../../../shared/domain/patient';
import { useApiQuery } from '../../../api/use-api-query';
import { useActorNames } from '../../../app/actor-name';
import { formatDateTime } from '../../../format/date-time';
import { displayPhone } from '../../../format/identifiers';
import { fullName } from '../../../format/person-name';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Notice } from '../../../ui/Notice';
import { EmptyState } from '../../../ui/EmptyState';
import { SectionCard } from '../../../ui/SectionCard';
import { ProxyFormDialog } from './ProxyFormDialog';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { Loading } from '../../../ui/Loading';

const statusColor = { pending: 'info', active: 'success', ended: 'default', revoked: 'default' } as const;

/** The patient's trusted persons (B9): who, on what basis, which sections, until when. */
export function ProxiesSection({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const actors = useActorNames();
  const [revision, setRevision] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'revoke'; proxy: ProxyView } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApiQuery(`proxies:${patient.id}:${revision}`, (client) =>
    client.proxies.list({ patientId: patient.id }),
  );
  const data = list.status === 'ok' ? list.data : list.status === 'loading' ? list.previous : null;

  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    setRevision((value) => value + 1);
  };

  const period = (proxy: ProxyView) => {
    const to = proxy.effectiveEnd ? formatRussianDate(proxy.effectiveEnd) : t('proxies.untilRevoked');
    const line = t('proxies.period', { from: formatRussianDate(proxy.startsOn), to });
    const why = proxy.endReason && proxy.endReason !== 'ends_on' ? t(`proxies.endReasons.${proxy.endReason}`) : null;
    return (
      <>
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          {line}
        </Typography>
        {why && (
          <Typography variant="body2" color="text.secondary">
            {why}
          </Typography>
        )}
      </>
    );
  };

  return (
    <SectionCard title={t('proxies.title')}>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 2 }}>
        <Button variant="contained" onClick={() => setDialog({ kind: 'add' })}>
          {t('proxies.add')}
        </Button>
      </Box>
      <Notice onClose={() => setNotice(null)}>{notice}</Notice>
      {list.status === 'failed' && <ApiErrorAlert title={t('proxies.loadFailed')} problems={[list.error]} />}
      {!data && list.status === 'loading' && <Loading space={3} />}
      {data && data.items.length === 0 && (
        <EmptyState title={t('proxies.empty')} hint={t('proxies.emptyHint')} headingLevel="h3" />
      )}
      {data && data.items.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label={t('proxies.listLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('proxies.columns.person')}</TableCell>
                <TableCell>{t('proxies.columns.basis')}</TableCell>
                <TableCell>{t('proxies.columns.scope')}</TableCell>
                <TableCell>{t('proxies.columns.period')}</TableCell>
                <TableCell>{t('proxies.columns.status')}</TableCell>
                <TableCell>{t('proxies.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((proxy) => (
                <TableRow key={proxy.id}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {fullName(proxy)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {t(`proxies.relationships.${proxy.relationship}`)}, {formatRussianDate(proxy.birthDate)}
                      {proxy.phone ? `, ${displayPhone(proxy.phone)}` : ''}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">{t(`proxies.bases.${proxy.basis}`)}</Typography>
                    {proxy.documentNumber && proxy.documentIssuedOn && (
                      <Typography variant="body2" color="text.secondary">
                        {t('proxies.document', {
                          number: proxy.documentNumber,
                          date: formatRussianDate(proxy.documentIssuedOn),
                          issuer: proxy.documentIssuer ?? '',
                        })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{proxy.scope.map((section) => t(`proxies.sections.${section}`)).join(', ')}</TableCell>
                  <TableCell>{period(proxy)}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={t(`proxies.statuses.${proxy.status}`)}
                      color={statusColor[proxy.status]}
                      variant={proxy.status === 'active' ? 'filled' : 'outlined'}
                    />
                    {proxy.revokedAt && (
                      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                        {t('proxies.revokedLine', {
                          date: formatDateTime(proxy.revokedAt),
                          by: actors.byName(proxy.revokedByName ?? ''),
                          reason: proxy.revocationReason ?? '',
                        })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {(proxy.status === 'active' || proxy.status === 'pending') && (
                      <Button
                        size="small"
                        color="error"
                        onClick={() => setDialog({ kind: 'revoke', proxy })}
                        aria-label={t('proxies.revokeLabel', { name: fullName(proxy) })}
                      >
                        {t('proxies.revoke')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {dialog?.kind === 'add' && (
        <ProxyFormDialog patient={patient} onClose={() => setDialog(null)} onSaved={() => done(t('proxies.added'))} />
      )}
      {dialog?.kind === 'revoke' && (
        <ReasonDialog
          texts={{
            title: t('proxies.revokeDialog.title'),
            intro: t('proxies.revokeDialog.intro', { name: fullName(dialog.proxy) }),
            reason: t('proxies.revokeDialog.reason'),
            submit: t('proxies.revokeDialog.submit'),
            failed: t('proxies.revokeDialog.failed'),
          }}
          onClose={() => setDialog(null)}
          send={(client, reason) => client.proxies.revoke({ proxyId: dialog.proxy.id, reason })}
          onDone={() => done(t('proxies.revoked'))}
        />
      )}
    </SectionCard>
  );
}
