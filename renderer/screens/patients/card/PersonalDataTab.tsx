import Divider from '@mui/material/Divider';
import { useTranslation } from 'react-i18next';
import { formatRussianDate } from '../../../../shared/domain/calendar-date';
import type { Patient } from '../../../../shared/domain/patient';
import { useActorNames } from '../../../app/actor-name';
import { formatDateTime } from '../../../format/date-time';
import { displayPhone, displaySnils } from '../../../format/identifiers';
import { FieldList, type FieldListItem } from '../../../ui/FieldList';
import { ContactsPanel } from './ContactsPanel';

/** Every field of the record, then who changed it and when, and the contacts' changes (B1). */
export function PersonalDataTab({ patient, onChanged }: { patient: Patient; onChanged(patient: Patient): void }) {
  const { t } = useTranslation();
  const actors = useActorNames();
  const optional = (label: string, value: string | null): FieldListItem =>
    value ? { label, value } : { label, value: t('common.notGiven'), missing: true };
  const personal: FieldListItem[] = [
    { label: t('patients.fields.surname'), value: patient.surname },
    { label: t('patients.fields.name'), value: patient.name },
    optional(t('patients.fields.patronymic'), patient.patronymic),
    { label: t('patients.fields.birthDate'), value: formatRussianDate(patient.birthDate) },
    { label: t('patients.fields.sex'), value: t(`sex.${patient.sex}`) },
    { label: t('patients.fields.foreign'), value: patient.foreign ? t('common.yes') : t('common.no') },
    optional(t('patients.fields.snils'), patient.snils && displaySnils(patient.snils)),
    optional(t('patients.fields.inn'), patient.inn),
    optional(t('patients.fields.enp'), patient.enp),
    optional(t('patients.fields.phone'), patient.phone && displayPhone(patient.phone)),
    optional(t('patients.fields.email'), patient.email),
    optional(t('patients.fields.address'), patient.address),
  ];
  const record: FieldListItem[] = [
    { label: t('patients.card.record.createdAt'), value: formatDateTime(patient.createdAt) },
    { label: t('patients.card.record.createdBy'), value: actors.byId(patient.createdBy, patient.createdByName) },
    { label: t('patients.card.record.updatedAt'), value: formatDateTime(patient.updatedAt) },
    { label: t('patients.card.record.updatedBy'), value: actors.byId(patient.updatedBy, patient.updatedByName) },
  ];
  return (
    <>
      <FieldList items={personal} />
      <Divider sx={{ my: 3 }} />
      <FieldList items={record} />
      <ContactsPanel patient={patient} onChanged={onChanged} />
    </>
  );
}
