import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import type { ChartEntryView } from '../../../../shared/chart/chart-views';
import { formatDateTime } from '../../../format/date-time';
import { SmallPrint } from '../../../ui/SmallPrint';

/** The warnings the doctor saved over, each with its reason (D5: every override is kept). */
export function EntryOverrides({ entry }: { entry: ChartEntryView }) {
  const { t } = useTranslation();
  // An override names its author by staff id: the entry's people give the name.
  const people = [entry.createdBy, entry.amendedBy, entry.doctor, entry.deletedBy];
  const nameOf = (id: string) => people.find((person) => person?.id === id)?.name ?? t('chart.entry.someone');
  return (
    <Alert severity="warning" sx={{ mt: 2 }}>
      <AlertTitle>{t('chart.entry.overrides.title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {entry.overrides.map((override, index) => {
          const short = override.code.slice(override.code.lastIndexOf('.') + 1);
          return (
            <li key={`${override.code}-${index}`}>
              {t('chart.entry.overrides.item', {
                warning: t(`chart.entry.overrideCodes.${short}`, { defaultValue: override.code }),
                reason: override.reason,
                by: nameOf(override.by),
                at: formatDateTime(override.at),
              })}
              <SmallPrint>{override.code}</SmallPrint>
            </li>
          );
        })}
      </Box>
    </Alert>
  );
}
