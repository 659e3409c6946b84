import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { emptyFilter } from '../../../api/chart-client';
import { useTexts } from '../../../i18n/use-texts';
import { Busy } from '../../../ui/Busy';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { entryWhen } from '../chart-words';
import { useHistory } from '../use-history';

/** The entries a consent names: the history's rows with a tick each, a page at a time. */
export function EntryPicker({ chosen, onChange }: { chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const { t, language } = useTexts();
  const { items, hasMore, more, busy, problems } = useHistory(emptyFilter);
  const visible = (items ?? []).filter((entry) => !entry.deleted);
  return (
    <Stack spacing={1} role="group" aria-labelledby="entry-picker-title">
      <Typography id="entry-picker-title" variant="body2" sx={{ fontWeight: 500 }}>
        {t('sharing.chooseEntries')} · {t('sharing.chosenCount', { count: chosen.length })}
      </Typography>
      <Stack sx={{ maxHeight: 360, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
        {visible.map((entry) => (
          <FormControlLabel
            key={entry.id}
            sx={{ alignItems: 'flex-start', py: 0.5, mr: 0 }}
            control={
              <Checkbox
                checked={chosen.includes(entry.id)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...chosen, entry.id] : chosen.filter((id) => id !== entry.id))
                }
                sx={{ mt: -0.75 }}
              />
            }
            label={
              <span>
                <Typography component="span" variant="body2" color="text.secondary">
                  {entryWhen(entry, language)} · {t(`kinds.${entry.kind}`)}
                </Typography>
                <br />
                <Typography component="span" sx={{ overflowWrap: 'anywhere' }}>
                  {entry.summary}
                </Typography>
              </span>
            }
          />
        ))}
        {busy ? <Busy label={t('cards.loading')} /> : null}
        {hasMore ? (
          <Button variant="text" onClick={() => void more()} disabled={busy} sx={{ alignSelf: 'flex-start' }}>
            {t('cards.more')}
          </Button>
        ) : null}
      </Stack>
      <RefusalAlert problems={problems} />
    </Stack>
  );
}
