import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRussianDate, isCalendarDate, parseRussianDate } from '../../../../shared/domain/calendar-date';
import { FieldMessage } from '../../../forms/FieldMessage';
import { problemFromCode, type FieldProblem } from '../../../forms/field-problem';
import { MaskedTextField } from '../../../forms/MaskedTextField';
import { dateMask } from '../../../forms/masks';
import type { AskedPeriod } from './use-applications-report';

type Field = 'from' | 'to';

/** ДД.ММ.ГГГГ → an ISO day; empty is "not given"; anything else is a problem. */
function parseDay(text: string): { day?: string } | { problem: FieldProblem } {
  if (text.trim() === '') return {};
  const day = parseRussianDate(text);
  return day && isCalendarDate(day) ? { day } : { problem: problemFromCode('report.period.date') };
}

/**
 * The report's period: two dates as the clerk types them (masked), shown with Enter, and back to
 * the last 12 weeks with one button. A refusal of the period (the server's) shows under its field.
 */
export function PeriodForm({
  shown,
  refused,
  onShow,
}: {
  shown: { from: string; to: string } | null;
  refused: Partial<Record<Field, FieldProblem>>;
  onShow: (period: AskedPeriod) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<Record<Field, string>>({ from: '', to: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, FieldProblem>>>({});
  const shownProblems = { ...refused, ...problems };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = parseDay(text.from);
    const to = parseDay(text.to);
    const found: Partial<Record<Field, FieldProblem>> = {};
    if ('problem' in from) found.from = from.problem;
    if ('problem' in to) found.to = to.problem;
    setProblems(found);
    if ('problem' in from || 'problem' in to) return;
    onShow({ ...(from.day ? { from: from.day } : {}), ...(to.day ? { to: to.day } : {}) });
  };

  const reset = () => {
    setText({ from: '', to: '' });
    setProblems({});
    onShow({});
  };

  const field = (name: Field) => (
    <MaskedTextField
      mask={dateMask}
      label={t(`reports.period.${name}`)}
      value={text[name]}
      placeholder={shown ? formatRussianDate(shown[name]) : 'ДД.ММ.ГГГГ'}
      onChange={(value) => {
        setText((prior) => ({ ...prior, [name]: value }));
        setProblems((prior) => ({ ...prior, [name]: undefined }));
      }}
      error={shownProblems[name] !== undefined}
      helperText={shownProblems[name] ? <FieldMessage problem={shownProblems[name]} /> : ' '}
      slotProps={{ htmlInput: { inputMode: 'numeric' }, inputLabel: { shrink: true } }}
      size="small"
    />
  );

  return (
    <Box
      component="form"
      role="search"
      aria-label={t('reports.period.label')}
      onSubmit={submit}
      sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}
    >
      {field('from')}
      {field('to')}
      <Button type="submit" variant="contained" sx={{ mt: 0.25 }}>
        {t('reports.period.show')}
      </Button>
      <Button type="button" onClick={reset} sx={{ mt: 0.25 }}>
        {t('reports.period.lastWeeks')}
      </Button>
    </Box>
  );
}
