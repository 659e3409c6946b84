import AttachFileIcon from '@mui/icons-material/AttachFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartDocumentTypes } from '../../../../shared/chart/entry-kinds';
import type { ScanSummary } from '../../../../shared/scans/scan-inputs';
import { FieldMessage } from '../../../forms/FieldMessage';
import { dateMask } from '../../../forms/masks';
import { ScanDialog } from '../../patients/scans/ScanDialog';
import { EntrySelect } from './EntrySelect';
import { EntryTextField } from './EntryTextField';
import type { FieldsProps } from './fields-props';
import { twoColumns } from './grid';

type DocumentType = (typeof chartDocumentTypes)[number];

/**
 * A chart document: its type, date, title and comment, and the file taken through the scan intake
 * (purpose `chart_document`: format by content, size and SHA-256 checked there); the entry keeps
 * the accepted scan's id.
 */
export function ChartDocumentFields({ values, change, problems, patientId }: FieldsProps<'document'>) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [accepted, setAccepted] = useState<ScanSummary | null>(null);
  return (
    <>
      <Box sx={twoColumns}>
        <EntrySelect
          label={t('chartForms.fields.type')}
          value={values.type as DocumentType}
          options={chartDocumentTypes}
          labelOf={(type) => t(`chartForms.options.documentType.${type}`)}
          onChange={(type) => change({ type })}
          problem={problems.type}
          autoFocus
        />
        <EntryTextField
          label={t('chartForms.fields.date')}
          value={values.date}
          onChange={(date) => change({ date })}
          problem={problems.date}
          mask={dateMask}
          placeholder={t('chartForms.fields.datePlaceholder')}
          inputMode="numeric"
          required
        />
      </Box>
      <EntryTextField
        label={t('chartForms.fields.title')}
        value={values.title}
        onChange={(title) => change({ title })}
        problem={problems.title}
        required
      />
      <EntryTextField
        label={t('chartForms.fields.comment')}
        value={values.comment}
        onChange={(comment) => change({ comment })}
        problem={problems.comment}
        multiline
        maxLength={2000}
      />
      <Box role="group" aria-label={t('chartForms.fields.file')} sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <Button variant="outlined" startIcon={<AttachFileIcon />} onClick={() => setScanning(true)}>
          {values.scanId ? t('chartForms.scan.replace') : t('chartForms.scan.attach')}
        </Button>
        <Typography aria-live="polite" color={values.scanId ? 'success.main' : 'text.secondary'}>
          {values.scanId ? t('chartForms.scan.attached', { pages: accepted?.pages ?? 1 }) : t('chartForms.scan.none')}
        </Typography>
      </Box>
      <FormHelperText error={problems.scanId !== undefined} sx={{ mb: 2 }}>
        {problems.scanId ? <FieldMessage problem={problems.scanId} /> : ' '}
      </FormHelperText>
      <ScanDialog
        open={scanning}
        patientId={patientId}
        purpose="chart_document"
        onClose={() => setScanning(false)}
        onAccepted={(scan) => {
          setAccepted(scan);
          change({ scanId: scan.id });
        }}
      />
    </>
  );
}
