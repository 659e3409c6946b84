import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import { isMismatch } from '../../../../shared/domain/documents/compare';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { formatDateTime } from '../../../format/date-time';
import { FieldList, type FieldListItem } from '../../../ui/FieldList';
import { displayDocumentNumber } from './document-labels';

export type DocumentAction = 'replace' | 'checkPolicy' | 'compare' | 'scan' | 'remove';

const statusColor = { active: 'success', expired: 'error', superseded: 'default' } as const;
const policyColor = { unchecked: 'warning', confirmed: 'success', rejected: 'error' } as const;

/** One current document: what it says, where it stands, and what the clerk can do with it. */
export function DocumentCard({
  document,
  onAction,
  scans,
}: {
  document: IdentityDocumentView;
  onAction: (action: DocumentAction) => void;
  scans?: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const type = t(`documents.types.${document.type}`);
  const items: FieldListItem[] = [];
  const add = (label: string, value: string | null) => {
    if (value) items.push({ label, value });
  };
  if (document.title) add(t('documents.fields.title'), document.title);
  if (document.form) add(t('documents.fields.form'), t(`documents.omsForms.${document.form}`));
  add(t('documents.fields.number'), displayDocumentNumber(document));
  add(t('documents.fields.issuer'), document.issuer);
  add(t('documents.fields.issuerCode'), document.issuerCode);
  if (document.insurerCode)
    add(
      t('documents.fields.insurer'),
      document.insurerName ? `${document.insurerName} (${document.insurerCode})` : document.insurerCode,
    );
  add(t('documents.fields.issueDate'), document.issueDate && formatRussianDate(document.issueDate));
  if (document.type !== 'snils')
    add(
      t('documents.fields.validUntil'),
      document.validUntil ? formatRussianDate(document.validUntil) : t('documents.noLimit'),
    );
  add(
    t('documents.fields.addedBy'),
    `${formatDateTime(document.createdAt)}${document.createdByName ? `, ${document.createdByName}` : ''}`,
  );

  const mismatches = document.comparison?.fields.filter(isMismatch).length ?? 0;
  return (
    <Paper component="article" variant="outlined" aria-labelledby={titleId} sx={{ p: 2.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="h3" id={titleId} sx={{ fontSize: '1.15rem', fontWeight: 600, mr: 1 }}>
          {type}
        </Typography>
        <Chip size="small" color={statusColor[document.status]} label={t(`documents.statuses.${document.status}`)} />
        {document.policyStatus && (
          <Chip
            size="small"
            variant="outlined"
            color={policyColor[document.policyStatus]}
            label={
              document.policyReason
                ? `${t(`documents.policyStatuses.${document.policyStatus}`)}: ${t(`documents.policyReasons.${document.policyReason}`)}`
                : t(`documents.policyStatuses.${document.policyStatus}`)
            }
          />
        )}
      </Box>
      <FieldList items={items} />
      {document.policyCheckedAt && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('documents.policy.checked', {
            status: t(`documents.policyStatuses.${document.policyStatus ?? 'unchecked'}`),
            name: document.policyCheckedByName ?? '',
            at: formatDateTime(document.policyCheckedAt),
          })}
        </Typography>
      )}
      {document.comparedAt && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('documents.compare.last', {
            at: formatDateTime(document.comparedAt),
            name: document.comparedByName ?? '',
            count: mismatches,
          })}
        </Typography>
      )}
      {scans && <Box sx={{ mt: 2 }}>{scans}</Box>}
      <Box
        role="group"
        aria-label={t('documents.actions.label', { type })}
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2 }}
      >
        <Button variant="outlined" onClick={() => onAction('compare')}>
          {t('documents.actions.compare')}
        </Button>
        {document.type === 'oms_policy' && (
          <Button variant="outlined" onClick={() => onAction('checkPolicy')}>
            {t('documents.actions.checkPolicy')}
          </Button>
        )}
        <Button variant="outlined" onClick={() => onAction('scan')}>
          {t('documents.actions.scan')}
        </Button>
        <Button variant="outlined" color="inherit" onClick={() => onAction('replace')}>
          {t('documents.actions.replace')}
        </Button>
        <Button color="error" onClick={() => onAction('remove')}>
          {t('documents.actions.remove')}
        </Button>
      </Box>
    </Paper>
  );
}
