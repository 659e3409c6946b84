import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { usePermissions } from '../../../app/session';
import type { Patient } from '../../../../shared/domain/patient';
import { useApiQuery } from '../../../api/use-api-query';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert';
import { Notice } from '../../../ui/Notice';
import { cardTabs, type CardTabDefinition } from './card-tabs';
import { EmergencyBanner } from '../../chart/access/EmergencyBanner';
import { MergedNotice } from '../duplicates/MergedNotice';
import { PatientHeader } from './PatientHeader';
import { TakeApplicationButton } from '../../applications/TakeApplicationButton';
import { Loading } from '../../../ui/Loading';

/** What the screen that sent the clerk here has just done: enrolled the patient, or merged a card into this one. */
function arrivedAfter(state: unknown): 'created' | 'merged' | null {
  if (typeof state !== 'object' || state === null) return null;
  if ('created' in state && state.created === true) return 'created';
  if ('merged' in state && state.merged === true) return 'merged';
  return null;
}

function tabOf(search: string, tabs: readonly CardTabDefinition[]): CardTabDefinition['id'] {
  const asked = new URLSearchParams(search).get('tab');
  return tabs.find((definition) => definition.id === asked)?.id ?? 'personal';
}

/** The patient card: the header, then the record's tabs. */
export function PatientCardScreen() {
  const { id = '' } = useParams();
  // A fresh card per patient: tabs and notices do not carry over from the previous one.
  return <PatientCard key={id} id={id} />;
}

function PatientCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const may = usePermissions();
  // The tabs this person's role may see (the chart is a doctor's).
  const tabs = cardTabs.filter((definition) => !definition.permission || may(definition.permission));
  // `?tab=consent`: a link that fixes something (an application's check) opens the card on its tab.
  const [tab, setTab] = useState<CardTabDefinition['id']>(() => tabOf(location.search, tabs));
  const [arrival, setArrival] = useState(arrivedAfter(location.state));
  const mayWrite = may('patients.write');
  const baseId = useId();
  const loaded = useApiQuery(`patient:${id}`, (api) => api.patients.get({ id }));
  // The card as a change made on it left it (its contacts), over the card as it was opened.
  const [changed, setChanged] = useState<Patient | null>(null);
  const patient = loaded.status === 'ok' && changed ? { ...loaded, data: changed } : loaded;

  if (patient.status === 'failed')
    return <ApiErrorAlert title={t('patients.card.loadFailed')} problems={[patient.error]} />;
  if (patient.status !== 'ok') {
    return <Loading space={6} />;
  }

  return (
    <>
      <Notice onClose={() => setArrival(null)}>
        {arrival && (arrival === 'created' ? t('patients.card.created') : t('patients.merge.merged'))}
      </Notice>
      {patient.data.mergedInto && <MergedNotice survivorId={patient.data.mergedInto} />}
      {may('chart.read') && <EmergencyBanner patientId={id} />}
      <PatientHeader
        patient={patient.data}
        action={
          mayWrite && !patient.data.mergedInto ? (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <TakeApplicationButton patient={patient.data} />
              <Button component={RouterLink} to={`/patients/${id}/duplicates`} variant="outlined">
                {t('patients.merge.find')}
              </Button>
            </Box>
          ) : undefined
        }
      />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs
          value={tab}
          onChange={(_event, next: CardTabDefinition['id']) => setTab(next)}
          aria-label={t('patients.card.tabsLabel')}
        >
          {tabs.map(({ id: name }) => (
            <Tab
              key={name}
              value={name}
              label={t(`patients.card.tabs.${name}`)}
              id={`${baseId}-tab-${name}`}
              aria-controls={`${baseId}-panel-${name}`}
            />
          ))}
        </Tabs>
      </Box>
      {tabs.map(({ id: name, render }) => (
        <div
          key={name}
          role="tabpanel"
          hidden={tab !== name}
          id={`${baseId}-panel-${name}`}
          aria-labelledby={`${baseId}-tab-${name}`}
        >
          {tab === name && render(patient.data, setChanged)}
        </div>
      ))}
    </>
  );
}
