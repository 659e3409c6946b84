import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { AuditVerdictView } from '../../../shared/api/audit-calls';

/** The chain check's answer: the local chain, its triggers, and what the server's copy says. */
export function ChainVerdict({ verdict, onClose }: { verdict: AuditVerdictView; onClose: () => void }) {
  const { t } = useTranslation();
  const { anchor } = verdict;
  return (
    <Alert severity={verdict.ok ? 'success' : 'error'} sx={{ mb: 2 }} onClose={onClose}>
      <div>
        {verdict.broken
          ? t('auditLog.verifyBroken', {
              seq: verdict.broken.seq,
              reason: verdict.broken.reason,
              events: verdict.events,
            })
          : t('auditLog.verifyOk', { events: verdict.events })}
      </div>
      {!verdict.triggers && <div>{t('auditLog.triggersMissing')}</div>}
      <div>
        {anchor.status === 'rewritten'
          ? t('auditLog.anchor.rewritten', { seq: anchor.firstDifferent })
          : anchor.status === 'anchored' || anchor.status === 'tail_cut'
            ? t(`auditLog.anchor.${anchor.status}`, { server: anchor.serverSeq, local: anchor.localSeq })
            : t(`auditLog.anchor.${anchor.status}`)}
      </div>
    </Alert>
  );
}
