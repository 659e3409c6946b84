import { useState } from 'react';
import { localize } from '../../shared/errors/catalog';
import { scanLimits } from '../../shared/scans/scan-checklist';
import type { GeneralProblem } from '../forms/refusal';
import { labsEn } from '../i18n/labs.en';
import { labsRu } from '../i18n/labs.ru';
import { useClient } from './session';

const megabyte = 1024 * 1024;

/**
 * A file for the chart chosen and uploaded through the cabinet's upload (`chart_document`: checked
 * by the server as any scan — format by content, size, integrity), as the chart's lab form does:
 * too big a file is refused at once, the upload's progress is reported, and a file the server kept
 * is not sent again when only what follows was refused.
 */
export function useChartUpload(setProblems: (problems: GeneralProblem[]) => void) {
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [kept, setKept] = useState<{ file: File; scanId: string } | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const choose = (chosen: File) => {
    setProblems([]);
    if (chosen.size > scanLimits.maxBytes) {
      const params = { size: (chosen.size / megabyte).toFixed(1), max: scanLimits.maxBytes / megabyte };
      setProblems([{ code: 'scan.size.too_large', message: localize('scan.size.too_large', params) }]);
      return;
    }
    setFile(chosen);
  };
  /** The refusal to show when no file was chosen. */
  const missing: GeneralProblem = {
    code: 'input.required',
    message: { ru: labsRu.documents.needFile, en: labsEn.documents.needFile },
  };
  /** The chosen file's scan id: uploaded now, or the one the server already kept. */
  const upload = async (chosen: File): Promise<string> => {
    if (kept?.file === chosen) return kept.scanId;
    setPercent(0);
    try {
      const scan = await client.chart.uploadLabFile(chosen, (sent, total) =>
        setPercent(Math.round((sent / Math.max(1, total)) * 100)),
      );
      setKept({ file: chosen, scanId: scan.scanId });
      return scan.scanId;
    } finally {
      setPercent(null);
    }
  };
  const clear = () => {
    setFile(null);
    setKept(null);
  };
  return { file, percent, choose, missing, upload, clear };
}
