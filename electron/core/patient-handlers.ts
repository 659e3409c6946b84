import { patientAccessLog } from '../services/patients/access-log';
import { contactHistory } from '../services/patients/contact-history';
import { createPatient } from '../services/patients/create-patient';
import { getPatient } from '../services/patients/get-patient';
import { searchPatients } from '../services/patients/search-patients';
import { updateContacts } from '../services/patients/update-contacts';
import type { patientCalls } from '../../shared/api/patient-calls';
import type { HandlersOf } from './handler-types';

/** The patient card: enrolment, search and reading it (B1, B4). */
export const patientHandlers: HandlersOf<typeof patientCalls> = {
  'patients.create': (ctx, input) => createPatient(ctx, input),
  'patients.search': (ctx, input) => searchPatients(ctx, input.query, input.limit),
  'patients.get': (ctx, input) => getPatient(ctx, input.id),
  'patients.update': (ctx, input) => updateContacts(ctx, input),
  'patients.contactHistory': (ctx, input) => contactHistory(ctx, input.id),
  'patients.accessLog': (ctx, input) => patientAccessLog(ctx, input),
};
