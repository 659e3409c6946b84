import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useClient } from '../api/session';
import { refusalProblems, type GeneralProblem } from '../forms/refusal';
import { useTexts } from '../i18n/use-texts';
import { Busy } from './Busy';
import { FileButton } from './FileButton';
import { RefusalAlert } from './RefusalAlert';

export interface AttachedScan {
  scanId: string;
  name: string;
}

/** Scans attached to a form: each uploaded (and checked by the server) as soon as it is chosen. */
export function ScanUploads({
  label,
  scans,
  onChange,
  headingLevel = 'h2',
}: {
  label: string;
  /** The label's heading level where the list stands (h3 inside a section of its own). */
  headingLevel?: 'h2' | 'h3';
  scans: readonly AttachedScan[];
  onChange: (scans: AttachedScan[]) => void;
}) {
  const { t } = useTexts();
  const client = useClient();
  const [uploading, setUploading] = useState<string | null>(null);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  const upload = async (file: File) => {
    setUploading(file.name);
    setProblems([]);
    try {
      const scan = await client.uploadScan(file);
      onChange([...scans, { scanId: scan.scanId, name: file.name }]);
    } catch (error) {
      setProblems(refusalProblems(error));
    } finally {
      setUploading(null);
    }
  };
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1" component={headingLevel}>
        {label}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('apply.scansHelp')}
      </Typography>
      {scans.length > 0 ? (
        <List dense>
          {scans.map((scan) => (
            <ListItem
              key={scan.scanId}
              secondaryAction={
                <IconButton
                  edge="end"
                  aria-label={t('apply.remove', { name: scan.name })}
                  onClick={() => onChange(scans.filter((item) => item.scanId !== scan.scanId))}
                >
                  <DeleteOutlined />
                </IconButton>
              }
            >
              <ListItemText primary={t('apply.attached', { name: scan.name })} sx={{ overflowWrap: 'anywhere' }} />
            </ListItem>
          ))}
        </List>
      ) : null}
      {uploading ? <Busy label={t('apply.uploading', { name: uploading })} /> : null}
      <RefusalAlert problems={problems} />
      <FileButton
        label={t('apply.attach')}
        onFile={(file) => void upload(file)}
        disabled={uploading !== null || scans.length >= 10}
      />
    </Stack>
  );
}
