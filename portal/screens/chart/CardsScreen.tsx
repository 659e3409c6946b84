import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useTexts } from '../../i18n/use-texts';
import { Busy } from '../../ui/Busy';
import { Page } from '../../ui/Page';
import { RefusalAlert } from '../../ui/RefusalAlert';
import { filterFromSearch, isFiltered, searchFromFilter } from './history-filter';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';
import { useHistory } from './use-history';

/** «Мои карты»: the patient's history read-only, newest first, filtered like the doctor's, a page at a time. */
export function CardsScreen() {
  const { t } = useTexts();
  const [search, setSearch] = useSearchParams();
  const searchText = search.toString();
  const filter = useMemo(() => filterFromSearch(new URLSearchParams(searchText)), [searchText]);
  const { items, withheld, hasMore, more, busy, problems } = useHistory(filter);
  return (
    <Page title={t('cards.title')} wide>
      <Typography color="text.secondary">{t('cards.intro')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 1, sm: 3 }}>
        <Link component={RouterLink} to="/cabinet/cards/reports">
          {t('cards.reportsLink')}
        </Link>
        <Link component={RouterLink} to="/cabinet/cards/sharing">
          {t('cards.sharingLink')}
        </Link>
      </Stack>
      <HistoryFilters filter={filter} onApply={(next) => setSearch(searchFromFilter(next))} />
      <Typography id="history-title" variant="h2">
        {t('cards.listTitle')}
      </Typography>
      {withheld ? (
        <Alert severity="warning" variant="outlined">
          {t('cards.withheld', { reason: t(`cards.withheldReasons.${withheld.reason}`), basis: withheld.basis })}
        </Alert>
      ) : null}
      {items && items.length > 0 ? <HistoryList items={items} /> : null}
      {items && items.length === 0 && !withheld ? (
        <Alert severity="info" variant="outlined">
          {isFiltered(filter) ? t('cards.emptyFiltered') : t('cards.empty')}
        </Alert>
      ) : null}
      {busy ? <Busy label={t('cards.loading')} /> : null}
      <RefusalAlert problems={problems} />
      {items && items.length > 0 ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary" role="status">
            {t('cards.shown', { count: items.length })}
            {hasMore ? '' : ` · ${t('cards.all')}`}
          </Typography>
          {hasMore ? (
            <Button variant="outlined" onClick={() => void more()} disabled={busy}>
              {t('cards.more')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
    </Page>
  );
}
