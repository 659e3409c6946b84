import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RecordRequestFile } from '../../../shared/api/record-request-calls';
import { formatDateTime } from '../../format/date-time';

/** A size as a clerk reads it: bytes, KB or MB. */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files made for the request: format, name, size, when, and whether something was withheld. */
export function RequestFiles({ files }: { files: readonly RecordRequestFile[] }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="h3">
        {t('recordRequests.panel.files')}
      </Typography>
      {files.length === 0 ? (
        <Typography color="text.secondary">{t('recordRequests.panel.noFiles')}</Typography>
      ) : (
        <List dense disablePadding>
          {files.map((file) => (
            <ListItem key={file.id} disableGutters>
              <ListItemText
                primary={`${t(`recordRequests.format.${file.format}`)} — ${file.fileName}`}
                secondary={[
                  sizeText(file.size),
                  formatDateTime(file.createdAt),
                  ...(file.withheld > 0 ? [t('recordRequests.panel.withheld')] : []),
                ].join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
