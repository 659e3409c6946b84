import { accessLogQuery, cabinetAccessLogPath, cabinetAccessLogSchema } from '../../../shared/cabinet/access-log-api';
import type { CheckedRequest } from '../../api/chart-client';

export interface AccessLogAsk {
  person?: string;
  cursor?: number;
  own: boolean;
  noise: boolean;
}

/** «Кто открывал мою карту» (issue 14, shared/cabinet/access-log-api.ts): the client's checked requests. */
export class AccessLogCalls {
  constructor(private readonly request: CheckedRequest) {}

  page = (ask: AccessLogAsk) =>
    this.request('GET', `${cabinetAccessLogPath}?${accessLogQuery(ask)}`, cabinetAccessLogSchema);
}
