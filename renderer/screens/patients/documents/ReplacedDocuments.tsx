import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { IdentityDocumentView } from '../../../../shared/domain/documents/identity-document';
import { formatDateTime } from '../../../format/date-time';
import { displayDocumentNumber } from './document-labels';

/** Replaced documents, kept (nothing is deleted): when each was replaced and whether its successor is in. */
export function ReplacedDocuments({ documents }: { documents: readonly IdentityDocumentView[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <Typography variant="h3" id={titleId} sx={{ fontSize: '1.1rem', mt: 3, mb: 1 }}>
        {t('documents.replaced.title')}
      </Typography>
      <List dense disablePadding>
        {documents.map((document) => (
          <ListItem key={document.id} disableGutters>
            <ListItemText
              primary={`${t(`documents.types.${document.type}`)} ${displayDocumentNumber(document)}`}
              secondary={`${t('documents.replaced.line', {
                date: formatDateTime(document.supersededAt!),
                due: document.updateDue ? formatRussianDate(document.updateDue) : '—',
              })}; ${document.replacedBy ? t('documents.replaced.done') : t('documents.replaced.waiting')}`}
            />
          </ListItem>
        ))}
      </List>
    </section>
  );
}
