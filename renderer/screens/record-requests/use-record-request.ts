import { useCallback, useEffect, useState } from 'react';
import type { RecordRequestDetail } from '../../../shared/api/record-request-calls';
import type { ApiError } from '../../../shared/errors/app-error';
import { useApiMutation } from '../../api/use-api-mutation';
import { useApiQuery, type QueryState } from '../../api/use-api-query';
import { announceRequestChange } from './request-events';
import { useFileJobs, type FileJobs } from './use-file-jobs';

export interface RecordRequestPolicy {
  state: QueryState<RecordRequestDetail>;
  /** The request as the last step answered it (fresher than the query's), else the query's. */
  detail: RecordRequestDetail | null;
  busy: boolean;
  /** The last refusal of a step (take, finish) or of a file job's start or cancel. */
  error: ApiError | null;
  take(): void;
  /** A step made elsewhere (the paper dialog) answered the request so. */
  applied(detail: RecordRequestDetail): void;
  finish(): void;
  files: FileJobs;
}

/** The request panel's policy: the request read (audited), and the steps, each announcing the change. */
export function useRecordRequest(id: string): RecordRequestPolicy {
  const [reads, setReads] = useState(0);
  const state = useApiQuery(`record-request:${id}:${reads}`, (api) => api.recordRequests.get({ id }));
  const [stepped, setStepped] = useState<RecordRequestDetail | null>(null);
  const onStep = useCallback((data: RecordRequestDetail) => {
    setStepped(data);
    announceRequestChange();
  }, []);
  const take = useApiMutation((api, _: null) => api.recordRequests.take({ id }), { onSuccess: onStep });
  const finish = useApiMutation((api, _: null) => api.recordRequests.finish({ id }), { onSuccess: onStep });
  const files = useFileJobs(id, () => {
    setStepped(null);
    setReads((count) => count + 1);
    announceRequestChange();
  });
  const read = state.status === 'ok' ? state.data : state.status === 'loading' ? state.previous : null;
  const { adopt } = files;
  useEffect(() => {
    if (state.status === 'ok') adopt(state.data.jobs);
  }, [state, adopt]);
  return {
    state,
    detail: stepped ?? read,
    busy: take.busy || finish.busy,
    error: take.error ?? finish.error ?? files.error,
    take: () => void take.run(null),
    applied: onStep,
    finish: () => void finish.run(null),
    files,
  };
}
