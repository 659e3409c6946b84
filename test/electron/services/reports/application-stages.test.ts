import { describe, expect, it } from 'vitest';
import { applicationTimeline, type StageEvent } from '../../../../electron/services/reports/application-stages';

const t0 = '2026-11-23T06:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(t0) + hours * 3_600_000).toISOString();
const event = (kind: string, hours: number, detail: Record<string, string> | null = null): StageEvent => ({
  kind,
  at: at(hours),
  detail: detail && JSON.stringify(detail),
});

describe('where one application waited (C6)', () => {
  it('an overturned appeal ends the wait on the patient and reopens the review; an upheld one does not', () => {
    const timeline = applicationTimeline(t0, [
      event('review_started', 1),
      event('denied', 3, { reason: 'no_consent' }),
      event('appeal_decided', 10, { outcome: 'upheld' }),
      event('appeal_decided', 20, { outcome: 'overturned' }),
      event('approved', 22),
    ]);
    expect(timeline.spans.map((span) => [span.stage, span.hours])).toEqual([
      ['queue', 1],
      ['review', 2],
      ['supply', 17],
      ['review', 2],
    ]);
    expect(timeline.decisions.map((made) => made.decision)).toEqual(['no_consent', 'approved']);
    // Processing ends at the first decision.
    expect(timeline.processing).toEqual({ end: at(3), hours: 3 });
  });

  it('an event that does not fit the stage moves nothing, and a span a desk clock made negative is left out', () => {
    const timeline = applicationTimeline(t0, [
      event('approved', 0.5),
      event('review_started', -1),
      event('review_started', 2),
      event('denied', 4, { reason: 'not_a_reason' }),
    ]);
    // The approval came before any review: ignored. The review started "before" submission: no queue span.
    expect(timeline.spans.map((span) => [span.stage, span.hours])).toEqual([['review', 5]]);
    // A denial with an unknown reason still ends the review, but is not counted under a reason.
    expect(timeline.decisions).toEqual([]);
    expect(timeline.processing).toEqual({ end: at(4), hours: 4 });
  });
});
