import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Ten single-use recovery codes, shown once: the main process keeps only their hashes. The way
 * on opens only after the person (or the admin handing them over) says they are kept.
 */
export function RecoveryCodesPanel({
  codes,
  onDone,
  doneLabel,
  intro,
}: {
  codes: readonly string[];
  onDone: () => void;
  doneLabel?: string;
  intro?: string;
}) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  const listId = useId();
  return (
    <Box>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {intro ?? t('recovery.intro')}
      </Alert>
      <Box
        component="ol"
        id={listId}
        aria-label={t('recovery.listLabel')}
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(2, max-content)',
          columnGap: 9,
          rowGap: 1,
          m: 0,
          mb: 2,
          pl: 4,
          fontFamily: '"Roboto Mono", Consolas, "DejaVu Sans Mono", monospace',
          fontSize: '1.125rem',
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} sx={{ mb: 2 }}>
        {t('recovery.print')}
      </Button>
      <Box>
        <FormControlLabel
          control={<Checkbox checked={kept} onChange={(event) => setKept(event.target.checked)} />}
          label={t('recovery.kept')}
        />
      </Box>
      <Button variant="contained" disabled={!kept} onClick={onDone} sx={{ mt: 1 }}>
        {doneLabel ?? t('recovery.done')}
      </Button>
    </Box>
  );
}
