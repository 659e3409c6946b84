import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PrescriptionProblem } from '../../../../shared/chart/prescription-check';
import { localize } from '../../../../shared/errors/catalog';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import { EntryTextField } from './EntryTextField';
import { shownProblems, type CheckState } from './use-prescription-check';

/** A check's problem as a form problem: its words with the measured values, its code. */
export const problemOf = (problem: PrescriptionProblem): FieldProblem => ({
  code: problem.code,
  message: localize(problem.code, problem.params),
});

/** Which warnings the doctor overrides, each with the reason typed so far. */
export type OverrideReasons = Partial<Record<PrescriptionProblem['code'], string>>;

/**
 * What the check found, live (D5): errors block the save; each warning (allergy, same class,
 * duplicate, not in the formulary) can be overridden with a reason, which is kept in the chart.
 */
export function PrescriptionCheckPanel({
  state,
  overrides,
  onOverride,
  problem,
}: {
  state: CheckState;
  overrides: OverrideReasons;
  onOverride(code: PrescriptionProblem['code'], reason: string | undefined): void;
  /** A refusal of the overrides (a reason missing or too short). */
  problem?: FieldProblem;
}) {
  const { t } = useTranslation();
  const problems = shownProblems(state);
  const errors = problems.filter((item) => item.severity === 'error');
  const warnings = problems.filter((item) => item.severity === 'warning');
  return (
    <Box component="section" aria-label={t('chartForms.check.title')} sx={{ display: 'grid', gap: 1, mb: 2 }}>
      <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
        {t('chartForms.check.title')}
      </Typography>
      <Box aria-live="polite" sx={{ display: 'grid', gap: 1 }}>
        {state.status === 'incomplete' && (
          <Typography variant="body2" color="text.secondary">
            {t('chartForms.picker.hint.medicines')}
          </Typography>
        )}
        {state.status === 'checking' && (
          <>
            <Typography variant="body2">{t('chartForms.check.checking')}</Typography>
            <LinearProgress aria-label={t('chartForms.check.checking')} />
          </>
        )}
        {state.status === 'failed' && (
          <Alert severity="info">
            {t('chartForms.check.unavailable')} <FieldMessage problem={state.error} />
          </Alert>
        )}
        {state.status === 'done' && problems.length === 0 && (
          <Alert severity="success">{t('chartForms.check.clean')}</Alert>
        )}
        {errors.length > 0 && (
          <Alert severity="error">
            <AlertTitle>{t('chartForms.check.errors')}</AlertTitle>
            {errors.map((item) => (
              <div key={`${item.code}-${item.field}`}>
                <FieldMessage problem={problemOf(item)} />
              </div>
            ))}
          </Alert>
        )}
      </Box>
      {warnings.length > 0 && (
        <Alert severity="warning">
          <AlertTitle>{t('chartForms.check.warnings')}</AlertTitle>
          {problem && (
            <Box role="alert" sx={{ mb: 1, fontWeight: 600 }}>
              <FieldMessage problem={problem} />
            </Box>
          )}
          {warnings.map((item) => {
            const reason = overrides[item.code];
            return (
              <Box key={`${item.code}-${item.entryId ?? ''}`} sx={{ mb: 1 }}>
                <FieldMessage problem={problemOf(item)} />
                {reason === undefined ? (
                  <Box>
                    <Button size="small" color="warning" onClick={() => onOverride(item.code, '')}>
                      {t('chartForms.check.override')}
                    </Button>
                  </Box>
                ) : (
                  <Box sx={{ mt: 1.5 }}>
                    <EntryTextField
                      label={t('chartForms.check.overrideReason')}
                      value={reason}
                      onChange={(text) => onOverride(item.code, text)}
                      helper={t('chartForms.check.overrideHint')}
                      problem={reason.trim().length < 5 ? problem : undefined}
                      required
                      autoFocus
                    />
                    <Button size="small" onClick={() => onOverride(item.code, undefined)}>
                      {t('chartForms.check.keep')}
                    </Button>
                  </Box>
                )}
              </Box>
            );
          })}
        </Alert>
      )}
    </Box>
  );
}
