import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJob } from '../../../../shared/api/export-calls';
import type { ApiError } from '../../../../shared/errors/app-error';
import type { FileFormat, RecordMaterial } from '../../../../shared/rights/record-requests';
import { useApi } from '../../../api/api-context';

export interface ExportChoice {
  format: FileFormat;
  sections: RecordMaterial[];
  from: string;
  to: string;
}

const pollMs = 300;

/** The dialog's policy: start a job, poll its progress, cancel it, save the finished file. */
export function useExportJob(patientId: string) {
  const api = useApi();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<number | null>(null);

  const stopPolling = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const poll = useCallback(
    async (jobId: string) => {
      const answer = await api.exports.job({ jobId });
      if (!answer.ok) return setError(answer.error);
      setJob(answer.data);
      if (answer.data.state === 'running') timer.current = window.setTimeout(() => void poll(jobId), pollMs);
      else if (answer.data.error && answer.data.state === 'failed') setError(answer.data.error);
    },
    [api],
  );

  const start = async (choice: ExportChoice) => {
    setError(null);
    setJob(null);
    const answer = await api.exports.start({
      patientId,
      format: choice.format,
      sections: choice.sections.length > 0 ? choice.sections : ['all'],
      ...(choice.from ? { from: choice.from } : {}),
      ...(choice.to ? { to: choice.to } : {}),
    });
    if (!answer.ok) return setError(answer.error);
    await poll(answer.data.jobId);
  };

  const cancel = async () => {
    if (!job) return;
    stopPolling();
    const answer = await api.exports.cancel({ jobId: job.jobId });
    if (answer.ok) setJob(answer.data);
  };

  const save = async () => {
    if (!job) return;
    const answer = await api.exports.take({ jobId: job.jobId });
    if (!answer.ok) return setError(answer.error);
    const url = fileUrl(answer.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = answer.data.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
    setJob(null);
  };

  /** «A printed copy on request» (F3): the same PDF document, audited `exports.printed`, to the printer. */
  const print = async (choice: ExportChoice) => {
    setError(null);
    const answer = await api.exports.print({
      patientId,
      sections: choice.sections.length > 0 ? choice.sections : ['all'],
      ...(choice.from ? { from: choice.from } : {}),
      ...(choice.to ? { to: choice.to } : {}),
    });
    if (!answer.ok) return setError(answer.error);
    const frame = document.createElement('iframe');
    frame.title = answer.data.fileName;
    frame.style.display = 'none';
    frame.onload = () => frame.contentWindow?.print();
    frame.src = fileUrl(answer.data);
    document.body.append(frame);
  };

  return { job, error, start, cancel, save, print };
}

/** A file the main process handed over (base64) as a URL of this page. */
function fileUrl(file: { data: string; mime: string }): string {
  const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: file.mime }));
}
