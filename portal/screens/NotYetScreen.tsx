import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useTexts } from '../i18n/use-texts';
import { Page } from '../ui/Page';

export type LaterSection = 'appointments';

/** A block of the cabinet that later issues fill: it says so plainly, never shows a made-up list. */
export function NotYetScreen({ section }: { section: LaterSection }) {
  const { t } = useTexts();
  return (
    <Page title={t(`nav.${section}`)} wide>
      <Alert severity="info" variant="outlined">
        <Typography component="p" sx={{ fontWeight: 500 }}>
          {t('home.notYet')}
        </Typography>
        {t(`home.${section}`)}
      </Alert>
    </Page>
  );
}
