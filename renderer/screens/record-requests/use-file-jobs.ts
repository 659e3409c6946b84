import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordFileJob } from '../../../shared/api/record-request-calls';
import type { ApiError } from '../../../shared/errors/app-error';
import type { FileFormat } from '../../../shared/rights/record-requests';
import { useApi } from '../../api/api-context';

const pollMs = 400;

export interface FileJobs {
  /** The latest state of each format's job started here (none before the first start). */
  jobs: Partial<Record<FileFormat, RecordFileJob>>;
  /** A refusal to start or to cancel. */
  error: ApiError | null;
  start(format: FileFormat): Promise<void>;
  /** Jobs the request's read says are running (started before the panel was last closed). */
  adopt(running: readonly RecordFileJob[]): void;
  cancel(format: FileFormat): Promise<void>;
}

/**
 * The files being made for one request: starts a job per format, polls the running ones, and
 * tells `onFinished` when one ends (done, failed or cancelled) so the panel reads the request again.
 */
export function useFileJobs(requestId: string, onFinished: (job: RecordFileJob) => void): FileJobs {
  const api = useApi();
  const [jobs, setJobs] = useState<Partial<Record<FileFormat, RecordFileJob>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const running = Object.values(jobs).filter((job) => job.state === 'running');
  const runningKey = running.map((job) => job.jobId).join(',');

  useEffect(() => {
    if (runningKey === '') return;
    let stopped = false;
    const timer = window.setInterval(() => {
      for (const jobId of runningKey.split(',')) {
        void api.recordRequests.fileJob({ jobId }).then((answer) => {
          if (stopped || !answer.ok) return;
          setJobs((prior) => ({ ...prior, [answer.data.format]: answer.data }));
          if (answer.data.state !== 'running') finished.current(answer.data);
        });
      }
    }, pollMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [api, runningKey]);

  const start = useCallback(
    async (format: FileFormat) => {
      setError(null);
      const answer = await api.recordRequests.makeFile({ id: requestId, format });
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      const job = await api.recordRequests.fileJob({ jobId: answer.data.jobId });
      if (!job.ok) return;
      setJobs((prior) => ({ ...prior, [format]: job.data }));
      // A small record's file is made before the first look: no poll will see it end.
      if (job.data.state !== 'running') finished.current(job.data);
    },
    [api, requestId],
  );

  const cancel = useCallback(
    async (format: FileFormat) => {
      const job = jobs[format];
      if (!job) return;
      const answer = await api.recordRequests.cancelFile({ jobId: job.jobId });
      if (!answer.ok) setError(answer.error);
      else {
        setJobs((prior) => ({ ...prior, [format]: answer.data }));
        finished.current(answer.data);
      }
    },
    [api, jobs],
  );

  const adopt = useCallback((running: readonly RecordFileJob[]) => {
    if (running.length === 0) return;
    setJobs((prior) => {
      const next = { ...prior };
      for (const job of running) if (next[job.format]?.jobId !== job.jobId) next[job.format] = job;
      return next;
    });
  }, []);

  return { jobs, error, start, cancel, adopt };
}
