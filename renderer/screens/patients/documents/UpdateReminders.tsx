import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';

/**
 * The reminders of changed documents (B3): each replaced document whose successor is not yet
 * recorded, with the day it is due by — an error once that day has passed.
 */
export function UpdateReminders({ documents }: { documents: readonly IdentityDocumentView[] }) {
  const { t } = useTranslation();
  const awaited = documents.filter(
    (document) => document.supersededAt !== null && document.replacedBy === null && document.updateDue !== null,
  );
  if (awaited.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      {awaited.map((document) => {
        const params = { type: t(`documents.types.${document.type}`), date: formatRussianDate(document.updateDue!) };
        return (
          <Alert key={document.id} severity={document.updateOverdue ? 'error' : 'warning'}>
            <AlertTitle>
              {document.updateOverdue ? t('documents.reminder.overdueTitle') : t('documents.reminder.title')}
            </AlertTitle>
            {document.updateOverdue ? t('documents.reminder.overdue', params) : t('documents.reminder.due', params)}
          </Alert>
        );
      })}
    </Stack>
  );
}
