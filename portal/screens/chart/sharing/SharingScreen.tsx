import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ChartShare, ShareConsent } from '../../../../shared/chart/chart-views';
import { useClient } from '../../../api/session';
import { useLoaded } from '../../../api/use-loaded';
import { useTexts } from '../../../i18n/use-texts';
import { Busy } from '../../../ui/Busy';
import { formatInstant } from '../../../ui/dates';
import { Page } from '../../../ui/Page';
import { RefusalAlert } from '../../../ui/RefusalAlert';
import { ConsentCard } from './ConsentCard';
import { ConsentForm } from './ConsentForm';

/** Sharing (D6): the patient's consents to share (give, revoke) and what was sent to whom and when. */
export function SharingScreen() {
  const { t } = useTexts();
  const client = useClient();
  const load = useCallback(() => client.chart.shares(), [client]);
  const { data, problems, setData } = useLoaded(load);
  const [giving, setGiving] = useState(false);
  const [given, setGiven] = useState<string | null>(null);
  const putConsent = (consent: ShareConsent) => {
    if (!data) return;
    setData({ ...data, consents: [consent, ...data.consents.filter((item) => item.id !== consent.id)] });
  };
  return (
    <Page title={t('sharing.title')} wide>
      <Link component={RouterLink} to="/cabinet/cards" sx={{ alignSelf: 'flex-start' }}>
        {t('sharing.toCards')}
      </Link>
      <Typography color="text.secondary">{t('sharing.intro')}</Typography>
      <RefusalAlert problems={problems} />
      {data === undefined && problems.length === 0 ? <Busy label={t('sharing.loading')} /> : null}
      {data ? (
        <>
          <Stack component="section" aria-labelledby="consents-title" spacing={1.5}>
            <Typography id="consents-title" variant="h2">
              {t('sharing.consents')}
            </Typography>
            {given ? (
              <Alert severity="success" role="status">
                {t('sharing.saved', { name: given })}
              </Alert>
            ) : null}
            {giving ? (
              <ConsentForm
                onCancel={() => setGiving(false)}
                onGiven={(consent) => {
                  setGiving(false);
                  setGiven(consent.recipient.name);
                  putConsent(consent);
                }}
              />
            ) : (
              <Button
                variant="contained"
                startIcon={<AddOutlined />}
                onClick={() => {
                  setGiven(null);
                  setGiving(true);
                }}
                sx={{ alignSelf: 'flex-start' }}
              >
                {t('sharing.give')}
              </Button>
            )}
            {data.consents.length === 0 ? (
              <Alert severity="info" variant="outlined">
                {t('sharing.noConsents')}
              </Alert>
            ) : (
              [...data.consents]
                .sort((a, b) => b.givenAt.localeCompare(a.givenAt))
                .map((consent) => <ConsentCard key={consent.id} consent={consent} onChange={putConsent} />)
            )}
          </Stack>
          <Divider />
          <Shares shares={data.shares} />
        </>
      ) : null}
    </Page>
  );
}

function Shares({ shares }: { shares: readonly ChartShare[] }) {
  const { t, language } = useTexts();
  return (
    <Stack component="section" aria-labelledby="shares-title" spacing={1}>
      <Typography id="shares-title" variant="h2">
        {t('sharing.shares')}
      </Typography>
      {shares.length === 0 ? (
        <Alert severity="info" variant="outlined">
          {t('sharing.noShares')}
        </Alert>
      ) : (
        <List disablePadding>
          {[...shares]
            .sort((a, b) => b.sharedAt.localeCompare(a.sharedAt))
            .map((share) => (
              <ListItem key={share.id} divider disableGutters>
                <ListItemText
                  sx={{ overflowWrap: 'anywhere' }}
                  primary={t('sharing.sharedAt', {
                    date: formatInstant(share.sharedAt, language),
                    name: share.recipient.name,
                    organisation: share.recipient.organisation,
                  })}
                  secondary={[
                    t('sharing.entriesCount', { count: share.entryIds.length }),
                    share.sharedBy ? t('sharing.sharedBy', { name: share.sharedBy.name }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
        </List>
      )}
    </Stack>
  );
}
