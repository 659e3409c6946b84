import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../api/session';
import { sections } from '../app/sections';
import { useTexts, type TextKey } from '../i18n/use-texts';

const blurbs: Record<string, TextKey> = {
  '/cabinet/cards': 'home.cards',
  '/cabinet/appointments': 'appointments.homeBlurb',
  '/cabinet/documents': 'home.documents',
  '/cabinet/settings': 'home.settingsLink',
  '/cabinet/representation': 'representation.intro',
};

/** The cabinet's front page: its blocks, each saying what it holds — or that it is not available yet. */
export function HomeScreen() {
  const { t } = useTexts();
  const { me } = useSession();
  return (
    <>
      <Typography variant="h1" sx={{ mb: 2 }}>
        {t('home.title', { name: [me?.name, me?.patronymic].filter(Boolean).join(' ') })}
      </Typography>
      <Grid container spacing={2}>
        {sections
          .filter((section) => blurbs[section.path])
          .map((section) => {
            return (
              <Grid key={section.path} size={{ xs: 12, sm: 6, lg: 4 }}>
                <Card
                  variant="outlined"
                  component="section"
                  aria-labelledby={`block-${section.path}`}
                  sx={{ height: '100%' }}
                >
                  <CardContent>
                    <Typography
                      id={`block-${section.path}`}
                      variant="h2"
                      sx={{ display: 'flex', gap: 1, alignItems: 'center' }}
                    >
                      {section.icon}
                      {t(section.label)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                      {t(blurbs[section.path]!)}
                    </Typography>
                  </CardContent>
                  <CardActions>
                    <Button
                      component={RouterLink}
                      to={section.path}
                      aria-label={`${t('home.open')}: ${t(section.label)}`}
                    >
                      {t('home.open')}
                    </Button>
                  </CardActions>
                </Card>
              </Grid>
            );
          })}
      </Grid>
    </>
  );
}
