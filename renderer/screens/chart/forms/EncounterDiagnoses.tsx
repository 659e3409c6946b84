import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { diagnosisRoles } from '../../../../shared/chart/entry-kinds';
import type { FieldProblem } from '../../../forms/field-problem';
import { DictionaryPicker } from './DictionaryPicker';
import { EntrySelect } from './EntrySelect';

export type DiagnosisRole = (typeof diagnosisRoles)[number];

/** A diagnosis being added with the encounter: saved after it, in it (`encounterId`). */
export interface DiagnosisRow {
  key: number;
  icd10: string;
  role: DiagnosisRole;
  /** Recorded already (a later row was refused): not sent again. */
  saved: boolean;
  problem?: FieldProblem;
}

/** The encounter's diagnoses: each an МКБ-10 code by autocomplete and its role (main / accompanying / complication). */
export function EncounterDiagnoses({
  rows,
  onChange,
  onAdd,
}: {
  rows: readonly DiagnosisRow[];
  onChange(key: number, patch: Partial<DiagnosisRow> | null): void;
  onAdd(): void;
}) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-label={t('chartForms.diagnoses.title')} sx={{ mb: 2 }}>
      <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 1 }}>
        {t('chartForms.diagnoses.title')}
      </Typography>
      {rows.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('chartForms.diagnoses.empty')}
        </Typography>
      )}
      {rows.map((row, index) => (
        <Box
          key={row.key}
          sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 12rem auto' }, columnGap: 2 }}
        >
          <DictionaryPicker
            dictionary="icd10"
            label={`${t('chartForms.fields.icd10')} ${index + 1}`}
            value={row.icd10}
            onPick={(item) => onChange(row.key, { icd10: item?.code ?? '', problem: undefined })}
            problem={row.problem}
            required={false}
            autoFocus={index > 0 && row.icd10 === ''}
          />
          <EntrySelect
            label={t('chartForms.fields.role')}
            value={row.role}
            options={diagnosisRoles}
            labelOf={(role) => t(`chartForms.options.role.${role}`)}
            onChange={(role) => onChange(row.key, { role: role === '' ? 'main' : role })}
          />
          <Box sx={{ pt: 1 }}>
            {row.saved ? (
              <Chip color="success" label={t('chartForms.diagnoses.saved')} />
            ) : (
              <IconButton
                aria-label={t('chartForms.diagnoses.remove', { code: row.icd10 || index + 1 })}
                onClick={() => onChange(row.key, null)}
              >
                <DeleteIcon />
              </IconButton>
            )}
          </Box>
        </Box>
      ))}
      <Button startIcon={<AddIcon />} onClick={onAdd}>
        {t('chartForms.diagnoses.add')}
      </Button>
    </Box>
  );
}
