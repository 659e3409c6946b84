import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import { moscowDay } from '../../../../shared/domain/application-deadline';
import { useApiQuery } from '../../../api/use-api-query';
import { FieldMessage } from '../../../forms/FieldMessage';
import type { FieldProblem } from '../../../forms/field-problem';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Loading } from '../../../ui/Loading';

/**
 * The chart's entries to tick (newest first, one line each): what a consent covers or what is
 * sent. `only` narrows the list to a consent's chosen entries.
 */
export function EntryChecklist({
  patientId,
  chosen,
  onChange,
  only,
  problem,
}: {
  patientId: string;
  chosen: ReadonlySet<string>;
  onChange(chosen: ReadonlySet<string>): void;
  only?: readonly string[];
  problem?: FieldProblem;
}) {
  const { t } = useTranslation();
  const history = useApiQuery(`share-entries:${patientId}`, (client) =>
    client.chart.history({ patientId, limit: 500 }),
  );
  if (history.status === 'failed')
    return <ApiErrorAlert title={t('chartSharing.entriesFailed')} problems={[history.error]} />;
  if (history.status !== 'ok') return <Loading space={2} />;
  const items = history.data.items.filter((item) => !item.deleted && (!only || only.includes(item.id)));
  if (items.length === 0)
    return <Typography color="text.secondary">{t('chartSharing.sendDialog.noEntries')}</Typography>;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <Box role="group" aria-label={t('chartSharing.fields.entries')}>
      <Typography variant="body2" color="text.secondary" aria-live="polite">
        {t('chartSharing.sendDialog.chosen', { count: chosen.size })}
      </Typography>
      <Box sx={{ maxHeight: 280, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5 }}>
        {items.map((item) => (
          <FormControlLabel
            key={item.id}
            sx={{ display: 'flex', alignItems: 'flex-start', my: 0.25 }}
            control={
              <Checkbox
                checked={chosen.has(item.id)}
                onChange={(event) => toggle(item.id, event.target.checked)}
                size="small"
              />
            }
            label={
              <Box sx={{ pt: 0.75 }}>
                {formatRussianDate(moscowDay(item.occurredAt))} · {t(`chartForms.kinds.${item.kind}`)} · {item.summary}
              </Box>
            }
          />
        ))}
      </Box>
      <FormHelperText error={problem !== undefined}>
        {problem ? <FieldMessage problem={problem} /> : ' '}
      </FormHelperText>
    </Box>
  );
}
