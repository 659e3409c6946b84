import type { reportCalls } from '../../shared/api/report-calls';
import { applicationsReport } from '../services/reports/applications-report';
import { applicationsReportCsv } from '../services/reports/report-csv';
import type { HandlersOf } from './handler-types';

/** Reports (C6): the applications report and its CSV. */
export const reportHandlers: HandlersOf<typeof reportCalls> = {
  'reports.applications': (ctx, input) => applicationsReport(ctx, input),
  'reports.applicationsCsv': (ctx, input) => applicationsReportCsv(applicationsReport(ctx, input)),
};
