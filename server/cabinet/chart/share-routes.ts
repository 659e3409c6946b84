import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { cabinetChartPaths, revokeShareRequestSchema } from '../../../shared/cabinet/chart-api';
import type { ShareConsent } from '../../../shared/chart/chart-views';
import { shareConsentDraftSchema } from '../../../shared/chart/sharing';
import { moscowDay } from '../../../shared/domain/application-deadline';
import { parseInput } from '../../../shared/errors/zod-issues';
import { HttpError } from '../../http/http-error';
import { withChangeLog } from '../../sync/change-log';
import { writeServerRow } from '../../sync/server-rows';
import { accountRoute, routeLimits } from '../accounts/account-route-options';
import type { CabinetDeps } from '../cabinet-deps';
import { chartCardOf, idParam } from './chart-card';
import { recordCabinetRead } from './chart-read-log';
import { cardRow } from './chart-rows';
import { cardShares, consentView } from './share-views';

/**
 * The cabinet's consents to share (D6): the patient's consents and the sendings made under them;
 * a consent given here (`given_via` 'cabinet', by the account) and its revocation, one way — each
 * written as the server's change, so the desks pull it and the next sending is judged by it.
 */
export function registerShareRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  const { db } = deps;
  const read = accountRoute(deps, routeLimits.read);
  const write = accountRoute(deps, routeLimits.check);

  scope.get(cabinetChartPaths.shares, read, async (request) => {
    const card = await chartCardOf(request, db);
    const answer = await cardShares(db, card);
    await recordCabinetRead(
      db,
      { ...card, action: 'chart.shares', details: { consents: answer.consents.length, shares: answer.shares.length } },
      deps.now(),
    );
    return answer;
  });

  scope.post(cabinetChartPaths.shareConsents, write, async (request, reply) => {
    const card = await chartCardOf(request, db);
    const draft = parseInput(shareConsentDraftSchema, request.body ?? {});
    const now = deps.now();
    const entryIds = draft.scope === 'entries' ? [...new Set(draft.entryIds.map((id) => id.toLowerCase()))] : [];
    if (draft.scope === 'entries' && entryIds.length === 0)
      throw new HttpError(400, 'chart.share.consent_invalid', { field: 'entryIds', params: { reason: 'entryIds' } });
    if (draft.validUntil !== null && draft.validUntil < moscowDay(now))
      throw new HttpError(400, 'chart.share.consent_expired', {
        field: 'validUntil',
        params: { validUntil: draft.validUntil },
      });
    for (const entryId of entryIds) {
      const entry = await cardRow(db, card, 'chart_entries', entryId);
      if (!entry || (entry.data.deleted_at ?? null) !== null)
        throw new HttpError(400, 'chart.share.out_of_scope', { field: 'entryIds', params: { entryId } });
    }
    const at = now.toISOString();
    const id = uuidv7();
    const data = {
      patient_id: card.patientId,
      recipient: JSON.stringify(draft.recipient),
      scope: draft.scope,
      entry_ids: JSON.stringify(entryIds),
      valid_until: draft.validUntil,
      given_at: at,
      given_via: 'cabinet',
      given_by: card.accountId,
      revoked_at: null,
      revoked_by: null,
      revocation_reason: null,
    };
    await withChangeLog(db, { now, clinicId: card.clinicId }, (log) =>
      writeServerRow(log, 'share_consents', id, undefined, data, at),
    );
    return reply.code(201).send(consentView(id, data));
  });

  scope.post(cabinetChartPaths.shareRevoke, write, async (request): Promise<ShareConsent> => {
    const card = await chartCardOf(request, db);
    const id = idParam(request.params, 'chart.share.consent_not_found');
    const body = parseInput(revokeShareRequestSchema, request.body ?? {});
    const now = deps.now();
    const at = now.toISOString();
    return withChangeLog(db, { now, clinicId: card.clinicId }, async (log) => {
      const consent = await cardRow(log.trx, card, 'share_consents', id);
      if (!consent) throw new HttpError(404, 'chart.share.consent_not_found');
      const revokedAt = consent.data.revoked_at;
      if (typeof revokedAt === 'string' && revokedAt !== '')
        throw new HttpError(409, 'chart.share.consent_revoked', { params: { revokedAt } });
      const fields = { revoked_at: at, revoked_by: card.accountId, revocation_reason: body.reason };
      await writeServerRow(log, 'share_consents', id, consent, fields, at);
      return consentView(id, { ...consent.data, ...fields });
    });
  });
}
