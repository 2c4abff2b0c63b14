import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  NOTIFIED_KINDS,
  PROBLEM_EVENT_ICONS,
  PROBLEM_EVENT_KINDS,
  PROBLEM_EVENTS,
  type ProblemEventData,
  type ProblemEventKind,
  visibilityOf,
} from './problem-events.ts';
import { TimelineEventView } from './problems-api.ts';

const ID = '0b6f1f52-6a7e-4a43-9a55-0f3f5d1f4a11';
const AT = '2026-12-01T03:00:00.000Z';

/** One event of every kind as the server writes it: a missing kind is a type error here. */
const SAMPLES: { [K in ProblemEventKind]: ProblemEventData<K> } = {
  raised: { type: 'problem', category: 'documents_immigration' },
  supported: { context: null },
  support_withdrawn: {},
  supports_merged: { duplicateId: ID, moved: 3 },
  assigned: {
    organisations: [
      { id: ID, nameTh: 'กรม', nameEn: 'Dept', abbreviation: null, sector: 'government', lead: true },
    ],
    from: 'under_review',
    to: 'assigned',
    firstAnswerDueAt: AT,
  },
  answered: { answerId: ID },
  state_changed: { from: 'assigned', to: 'duplicate', reason: null, duplicateOfId: ID },
  commented: { commentId: ID, parentId: null, mentionedUserIds: [ID], mentionedOrganisationIds: [] },
  comment_edited: { commentId: ID, mentionedUserIds: [], mentionedOrganisationIds: [ID] },
  comment_hidden: { commentId: ID, reason: 'ไม่เกี่ยวข้อง' },
  comment_reported: { commentId: ID, reason: 'spam' },
  privacy_warning_acknowledged: { target: 'comment', findings: [{ field: 'body', kind: 'phone_number' }] },
  overdue: { deadline: 'first_answer', dueAt: AT },
  escalated: { deadline: 'progress_update', dueAt: AT },
};

const entry = (kind: ProblemEventKind, data: unknown) => ({
  id: '1',
  at: AT,
  kind,
  actor: null,
  actorOrganisation: null,
  data,
});

describe('the problem event vocabulary', () => {
  it('gives every kind a data schema, a visibility and an icon', () => {
    for (const kind of PROBLEM_EVENT_KINDS) {
      const spec = PROBLEM_EVENTS[kind];
      expect(spec.data, kind).toBeInstanceOf(z.ZodObject);
      expect(['all', 'centre'], kind).toContain(spec.visibility);
      expect(PROBLEM_EVENT_ICONS, kind).toContain(spec.icon);
      expect(spec.data.safeParse(SAMPLES[kind]).success, kind).toBe(true);
    }
  });

  it('includes the deadline job’s kinds', () => {
    expect(PROBLEM_EVENT_KINDS).toEqual(expect.arrayContaining(['overdue', 'escalated']));
  });

  it('keeps comment reports and privacy warnings to the Centre', () => {
    expect(PROBLEM_EVENT_KINDS.filter((k) => visibilityOf(k) === 'centre')).toEqual([
      'comment_reported',
      'privacy_warning_acknowledged',
    ]);
  });

  it('notifies of the kinds the fan-out handles', () => {
    expect(NOTIFIED_KINDS).toEqual([
      'supported',
      'assigned',
      'answered',
      'state_changed',
      'commented',
      'comment_edited',
      'overdue',
      'escalated',
    ]);
  });
});

describe('the timeline contract', () => {
  it('serves every kind with its data, and the anonymous reporter mark', () => {
    for (const kind of PROBLEM_EVENT_KINDS) {
      const data = { ...SAMPLES[kind], byReporter: true };
      expect(TimelineEventView.parse(entry(kind, data)), kind).toEqual(entry(kind, data));
    }
  });

  it("refuses one kind's data under another kind", () => {
    expect(TimelineEventView.safeParse(entry('answered', SAMPLES.overdue)).success).toBe(false);
    expect(TimelineEventView.safeParse(entry('raised' as ProblemEventKind, {})).success).toBe(false);
  });
});
