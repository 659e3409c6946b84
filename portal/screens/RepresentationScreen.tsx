import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Representation } from '../../shared/cabinet/cabinet-api';
import { recordSections, type RecordSection } from '../../shared/domain/proxies';
import { useClient } from '../api/session';
import { refusalProblems, type GeneralProblem } from '../forms/refusal';
import { useTexts } from '../i18n/use-texts';
import { Busy } from '../ui/Busy';
import { formatDay } from '../ui/dates';
import { Page } from '../ui/Page';
import { RefusalAlert } from '../ui/RefusalAlert';

const isRecordSection = (value: string): value is RecordSection =>
  (recordSections as readonly string[]).includes(value);

/** B9: the people this account may act for — oneself, and those it is a trusted person of — with each one's scope. */
export function RepresentationScreen() {
  const { t, language } = useTexts();
  const client = useClient();
  const [data, setData] = useState<Representation | null>(null);
  const [problems, setProblems] = useState<GeneralProblem[]>([]);
  useEffect(() => {
    client
      .representation()
      .then(setData)
      .catch((error: unknown) => {
        setProblems(refusalProblems(error));
      });
  }, [client]);
  const others = data?.persons.filter((person) => !person.self) ?? [];
  return (
    <Page title={t('representation.title')} wide>
      <Typography>{t('representation.intro')}</Typography>
      <RefusalAlert problems={problems} />
      {!data && problems.length === 0 ? <Busy label={t('app.loading')} /> : null}
      {data ? (
        <List>
          {data.persons.map((person) => (
            <ListItem key={person.patientId} divider sx={{ display: 'block', px: 0 }}>
              <Stack spacing={0.5}>
                <Typography variant="h3" component="h2">
                  {[person.surname, person.name, person.patronymic].filter(Boolean).join(' ')}
                  {person.self ? ` (${t('representation.self')})` : null}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('representation.born', { date: formatDay(person.birthDate, language) })}
                  {person.self
                    ? null
                    : ` · ${
                        person.until
                          ? t('representation.until', { date: formatDay(person.until, language) })
                          : t('representation.forever')
                      }`}
                </Typography>
                {person.underFifteen ? <Alert severity="info">{t('representation.underFifteen')}</Alert> : null}
                <Stack
                  direction="row"
                  spacing={1}
                  useFlexGap
                  sx={{ flexWrap: 'wrap' }}
                  aria-label={t('representation.scope')}
                >
                  {person.self ? (
                    <Chip size="small" label={t('representation.scopeAll')} />
                  ) : (
                    person.scope.map((section) => (
                      <Chip
                        key={section}
                        size="small"
                        variant="outlined"
                        label={isRecordSection(section) ? t(`recordSection.${section}`) : section}
                      />
                    ))
                  )}
                </Stack>
              </Stack>
            </ListItem>
          ))}
        </List>
      ) : null}
      {data && others.length === 0 ? <Typography color="text.secondary">{t('representation.none')}</Typography> : null}
    </Page>
  );
}
