import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import type { Patient } from '../../../../shared/domain/patient';
import { useApiQuery } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Notice } from '../../../ui/Notice';
import { ReasonDialog } from '../../../ui/ReasonDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { CompareDialog } from './CompareDialog';
import { DocumentCard, type DocumentAction } from './DocumentCard';
import { DocumentFormDialog } from './DocumentFormDialog';
import { PolicyDialog } from './PolicyDialog';
import { ScanDialog } from '../scans/ScanDialog';
import { ScanGallery } from '../scans/ScanGallery';
import { ReplacedDocuments } from './ReplacedDocuments';
import { UpdateReminders } from './UpdateReminders';
import { Loading } from '../../../ui/Loading';

type OpenDialog = { kind: 'add' } | { kind: DocumentAction; document: IdentityDocumentView } | null;

/**
 * The patient's identity documents and OMS policy (B3, B5, B7): the reminders of changed ones,
 * the current ones with their actions, and the replaced ones below.
 */
export function DocumentsSection({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [revision, setRevision] = useState(0);
  const [scansRevision, setScansRevision] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The comparison may correct the record: later comparisons start from the corrected one.
  const [record, setRecord] = useState(patient);
  const list = useApiQuery(`documents:${patient.id}:${revision}`, (api) =>
    api.documents.list({ patientId: patient.id }),
  );

  const saved = (message: string) => {
    setDialog(null);
    setNotice(message);
    setRevision((value) => value + 1);
  };

  const data = list.status === 'ok' ? list.data : list.status === 'loading' ? list.previous : null;
  const current = data?.items.filter((document) => document.status !== 'superseded') ?? [];
  const replaced = data?.items.filter((document) => document.status === 'superseded') ?? [];

  return (
    <Box component="section" aria-labelledby={titleId}>
      <Box
        sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 2 }}
      >
        <Typography variant="h2" id={titleId} sx={{ fontSize: '1.35rem' }}>
          {t('documents.title')}
        </Typography>
        <Button variant="contained" disabled={!data} onClick={() => setDialog({ kind: 'add' })}>
          {t('documents.add')}
        </Button>
      </Box>
      <Notice onClose={() => setNotice(null)}>{notice}</Notice>
      {list.status === 'failed' && <ApiErrorAlert title={t('documents.loadFailed')} problems={[list.error]} />}
      {!data && list.status === 'loading' && <Loading />}
      {data && (
        <>
          <UpdateReminders documents={data.items} />
          {current.length === 0 && replaced.length === 0 ? (
            <EmptyState title={t('documents.empty')} hint={t('documents.emptyHint')} headingLevel="h3" />
          ) : (
            <Box
              role="list"
              aria-label={t('documents.listLabel')}
              sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: 'repeat(2, 1fr)' }, gap: 2 }}
            >
              {current.map((document) => (
                <Box role="listitem" key={document.id}>
                  <DocumentCard
                    document={document}
                    onAction={(kind) => setDialog({ kind, document })}
                    scans={<ScanGallery patientId={patient.id} attachedTo={document.id} refreshKey={scansRevision} />}
                  />
                </Box>
              ))}
            </Box>
          )}
          <ReplacedDocuments documents={replaced} />
        </>
      )}
      {dialog?.kind === 'add' && (
        <DocumentFormDialog
          patientId={patient.id}
          mode={{ kind: 'add' }}
          today={data?.today ?? ''}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'replace' && (
        <DocumentFormDialog
          patientId={patient.id}
          mode={{ kind: 'replace', document: dialog.document }}
          today={data?.today ?? ''}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
      {dialog?.kind === 'scan' && (
        <ScanDialog
          open
          patientId={patient.id}
          purpose={dialog.document.type === 'oms_policy' ? 'oms_policy' : 'identity_document'}
          attachedTo={dialog.document.id}
          onClose={() => setDialog(null)}
          onAccepted={() => {
            setDialog(null);
            setScansRevision((value) => value + 1);
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ReasonDialog
          texts={{
            title: t('documents.remove.title', { type: t(`documents.types.${dialog.document.type}`) }),
            intro: t('documents.remove.intro'),
            reason: t('documents.remove.reason'),
            submit: t('documents.remove.submit'),
            failed: t('documents.remove.failed'),
          }}
          send={(api, reason) => api.documents.remove({ documentId: dialog.document.id, reason })}
          onClose={() => setDialog(null)}
          onDone={() => saved(t('documents.remove.done', { type: t(`documents.types.${dialog.document.type}`) }))}
        />
      )}
      {dialog?.kind === 'checkPolicy' && (
        <PolicyDialog policy={dialog.document} onClose={() => setDialog(null)} onSaved={saved} />
      )}
      {dialog?.kind === 'compare' && (
        <CompareDialog
          patient={record}
          document={dialog.document}
          onClose={() => setDialog(null)}
          onSaved={(message, corrected) => {
            setRecord(corrected);
            saved(message);
          }}
        />
      )}
    </Box>
  );
}
