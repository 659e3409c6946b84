import type { FileFormat } from '../../../shared/rights/record-requests';

/** The file formats as people name them in either language (a code's parameter is not translated). */
export const formatNames: Readonly<Record<FileFormat, string>> = { pdf: 'PDF', semd: 'СЭМД', fhir: 'FHIR' };
