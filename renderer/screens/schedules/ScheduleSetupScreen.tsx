import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { clinicToday } from '../appointments/calendar/clinic-time';
import { ExceptionDialog } from './ExceptionDialog';
import { PatternDialog } from './PatternDialog';
import { RoomDialog } from './RoomDialog';
import { ServiceTypeDialog } from './ServiceTypeDialog';
import { SpecialistDialog } from './SpecialistDialog';
import { useSetupRows, type SetupPart } from './setup-rows';
import { SetupTable } from './SetupTable';

const parts: readonly SetupPart[] = ['specialists', 'rooms', 'services', 'patterns', 'exceptions'];

/** «Настройка расписания» (E1): specialists, rooms, services, weekly hours and exceptions; admins and senior clerks. */
export function ScheduleSetupScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const baseId = useId();
  const [part, setPart] = useState<SetupPart>('specialists');
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ part: SetupPart; id: string | null } | null>(null);
  const [removeProblem, setRemoveProblem] = useState<ApiError | null>(null);
  const loaded = useApiQuery(`schedules:${version}`, (client) => client.schedules.get({}));
  const schedule = loaded.status === 'ok' ? loaded.data : loaded.status === 'loading' ? loaded.previous : null;
  const table = useSetupRows(schedule, part);
  const today = clinicToday();
  const saved = () => {
    setEditing(null);
    setVersion((value) => value + 1);
  };
  const remove = async (id: string) => {
    setRemoveProblem(null);
    const answer =
      part === 'patterns' ? await api.schedules.removePattern({ id }) : await api.schedules.removeException({ id });
    if (answer.ok) setVersion((value) => value + 1);
    else setRemoveProblem(answer.error);
  };
  const find = <T extends { id: string }>(list: readonly T[], id: string | null) =>
    id === null ? null : (list.find((item) => item.id === id) ?? null);

  return (
    <>
      <ScreenHeader
        title={t('schedules.title')}
        subtitle={t('schedules.subtitle')}
        action={
          schedule && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ part, id: null })}>
              {t('schedules.add')}: {t(`schedules.tabs.${part}`)}
            </Button>
          )
        }
      />
      {loaded.status === 'failed' ? (
        <ApiErrorAlert title={t('schedules.loadFailed')} problems={[loaded.error]} />
      ) : !schedule ? (
        <Loading space={6} />
      ) : (
        <>
          <Tabs
            value={part}
            onChange={(_event, next: SetupPart) => setPart(next)}
            aria-label={t('schedules.tabsLabel')}
            sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
          >
            {parts.map((id) => (
              <Tab
                key={id}
                value={id}
                label={t(`schedules.tabs.${id}`)}
                id={`${baseId}-tab-${id}`}
                aria-controls={`${baseId}-panel-${id}`}
              />
            ))}
          </Tabs>
          <Paper
            variant="outlined"
            role="tabpanel"
            id={`${baseId}-panel-${part}`}
            aria-labelledby={`${baseId}-tab-${part}`}
            sx={{ p: 2 }}
          >
            {removeProblem && <ApiErrorAlert title={t('schedules.saveFailed')} problems={[removeProblem]} />}
            <Box sx={{ overflowX: 'auto' }}>
              <SetupTable
                label={t(`schedules.tabs.${part}`)}
                columns={table.columns}
                rows={table.rows}
                onEdit={(id) => setEditing({ part, id })}
                onRemove={part === 'patterns' || part === 'exceptions' ? (id) => void remove(id) : undefined}
              />
            </Box>
          </Paper>
        </>
      )}
      {schedule && editing?.part === 'specialists' && (
        <SpecialistDialog
          item={find(schedule.specialists, editing.id)}
          schedule={schedule}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {schedule && editing?.part === 'rooms' && (
        <RoomDialog item={find(schedule.rooms, editing.id)} onClose={() => setEditing(null)} onSaved={saved} />
      )}
      {schedule && editing?.part === 'services' && (
        <ServiceTypeDialog
          item={find(schedule.serviceTypes, editing.id)}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {schedule && editing?.part === 'patterns' && (
        <PatternDialog
          item={find(schedule.patterns, editing.id)}
          schedule={schedule}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {schedule && editing?.part === 'exceptions' && (
        <ExceptionDialog
          item={find(schedule.exceptions, editing.id)}
          schedule={schedule}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </>
  );
}
