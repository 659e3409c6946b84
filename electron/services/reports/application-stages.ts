import { reportDecisions, type ReportDecision, type ReportStage } from '../../../shared/api/report-calls';
import { parseDetail } from '../applications/application-events';

/** A journal entry as the report reads it. */
export interface StageEvent {
  kind: string;
  at: string;
  /** JSON: a denial's `reason`, an appeal's `outcome`. */
  detail: string | null;
}

/** A stretch of time an application spent in one stage, ending at `end`. */
export interface StageSpan {
  stage: ReportStage;
  end: string;
  hours: number;
}

export interface ApplicationTimeline {
  spans: StageSpan[];
  /** Every decision, when it was made. */
  decisions: { decision: ReportDecision; at: string }[];
  /** Submitted → the first decision, ending at the first decision. */
  processing?: { end: string; hours: number };
}

const hourMs = 3_600_000;

function decisionOf(event: StageEvent): ReportDecision | undefined {
  if (event.kind === 'approved') return 'approved';
  const reason = parseDetail(event.detail).reason;
  return (reportDecisions as readonly unknown[]).includes(reason) && reason !== 'approved'
    ? (reason as ReportDecision)
    : undefined;
}

/** Where each event takes the application (shared/domain/application.ts: the path). */
function nextStage(event: StageEvent, stage: ReportStage | 'done'): ReportStage | 'done' | undefined {
  switch (event.kind) {
    case 'review_started':
      return stage === 'queue' ? 'review' : undefined;
    case 'approved':
      return stage === 'review' ? 'activation' : undefined;
    case 'denied':
      return stage === 'review' ? 'supply' : undefined;
    case 'supplied':
      return stage === 'supply' ? 'review' : undefined;
    case 'appeal_decided':
      return stage === 'supply' && parseDetail(event.detail).outcome === 'overturned' ? 'review' : undefined;
    case 'activated':
      return stage === 'activation' ? 'done' : undefined;
    default:
      return undefined;
  }
}

/**
 * Walks one application's journal (events oldest first) from its submission: each move to the
 * next stage closes a span of the stage it leaves — the queue (submitted → a clerk opens it),
 * the review (→ a decision), the patient's supply after a denial (→ supplied, or an appeal
 * overturned), the patient's activation after an approval (→ activated). An event that does not
 * fit the stage (a repeat, an entry out of order) moves nothing; a span a desk's clock made
 * negative is left out rather than counted as zero.
 */
export function applicationTimeline(submittedAt: string, events: readonly StageEvent[]): ApplicationTimeline {
  const timeline: ApplicationTimeline = { spans: [], decisions: [] };
  let stage: ReportStage | 'done' = 'queue';
  let since = submittedAt;
  for (const event of events) {
    const next = nextStage(event, stage);
    if (next === undefined || stage === 'done') continue;
    const hours = (Date.parse(event.at) - Date.parse(since)) / hourMs;
    if (hours >= 0) timeline.spans.push({ stage, end: event.at, hours });
    if (event.kind === 'approved' || event.kind === 'denied') {
      const decision = decisionOf(event);
      if (decision) timeline.decisions.push({ decision, at: event.at });
      const processing = (Date.parse(event.at) - Date.parse(submittedAt)) / hourMs;
      if (timeline.processing === undefined && processing >= 0)
        timeline.processing = { end: event.at, hours: processing };
    }
    stage = next;
    since = event.at;
  }
  return timeline;
}
