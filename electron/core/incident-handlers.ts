import {
  classifyIncident,
  noteIncident,
  recordLeakNotice,
  reviewIncident,
  setIncidentStatus,
  takeIncident,
} from '../services/incidents/incident-actions';
import { countIncidents, listIncidents } from '../services/incidents/incident-list';
import { incidentDetail } from '../services/incidents/incident-row';
import { openIncident } from '../services/incidents/open-incident';
import type { Handlers } from './handler-types';

/** Handlers: the clinic's incident log and the 152-ФЗ leak clocks (issue 15, §6.2). */
export const incidentHandlers: Handlers<'incidents'> = {
  'incidents.list': (ctx, input) => listIncidents(ctx, input),
  'incidents.count': (ctx) => countIncidents(ctx),
  'incidents.get': (ctx, input) => ctx.store.read((tx) => incidentDetail(tx, input.id)),
  'incidents.open': (ctx, input) => openIncident(ctx, { ...input, description: input.description ?? '' }),
  'incidents.take': (ctx, input) => takeIncident(ctx, input.id),
  'incidents.note': (ctx, input) => noteIncident(ctx, input.id, input.note),
  'incidents.setStatus': (ctx, input) => setIncidentStatus(ctx, input.id, input.status, input.resolution ?? ''),
  'incidents.classify': (ctx, input) => classifyIncident(ctx, input.id, input.kind, input.severity),
  'incidents.recordNotice': (ctx, input) => recordLeakNotice(ctx, input.id, input.notice, input.at),
  'incidents.review': (ctx, input) => reviewIncident(ctx, input.id, input.review),
};
