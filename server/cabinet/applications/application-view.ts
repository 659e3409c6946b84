import {
  activationChannels,
  appealOutcomes,
  applicationChannels,
  applicationEventKinds,
  applicationStatuses,
  denyReasons,
  eventActorKinds,
} from '../../../shared/domain/application';
import type { ApplicationView } from '../../../shared/cabinet/cabinet-api';
import { isUrgent, jsonDetail, type RowData, type StoredRow } from './application-rows';

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return values.find((known) => known === value) ?? null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An application as its patient sees it in the cabinet, with its journal in order. */
export function applicationView(row: StoredRow, events: readonly RowData[]): ApplicationView {
  const data = row.data;
  const appealText = text(data.appeal_text);
  return {
    id: row.id,
    number: text(data.number) ?? '',
    channel: oneOf(applicationChannels, data.channel) ?? 'portal',
    status: oneOf(applicationStatuses, data.status) ?? 'submitted',
    urgent: isUrgent(data.urgent),
    submittedAt: text(data.submitted_at) ?? '',
    dueAt: text(data.due_at) ?? '',
    overdue: text(data.overdue_at) !== null,
    denyReason: oneOf(denyReasons, data.deny_reason),
    denyNote: text(data.deny_note),
    supplyDue: data.status === 'denied' ? text(data.supply_due) : null,
    activationChannel: oneOf(activationChannels, data.activation_channel),
    appeal:
      appealText === null
        ? null
        : {
            text: appealText,
            at: text(data.appeal_at) ?? '',
            outcome: oneOf(appealOutcomes, data.appeal_outcome),
            note: text(data.appeal_note),
          },
    events: events
      .filter((event) => event.application_id === row.id)
      .flatMap((event) => {
        const kind = oneOf(applicationEventKinds, event.kind);
        const actorKind = oneOf(eventActorKinds, event.actor_kind);
        if (!kind || !actorKind) return [];
        return [{ kind, at: text(event.at) ?? '', actorKind, detail: jsonDetail(event.detail) }];
      }),
  };
}
