import { IconPlus } from '@tabler/icons-react';
import { describe, expect, it } from 'vitest';
import {
  PROBLEM_EVENT_ICONS,
  PROBLEM_EVENT_KINDS,
  PROBLEM_EVENTS,
  type ProblemEventKind,
} from '../../../../common/problem-events.ts';
import { TIMELINE_ICONS, timelineIconOf } from './timelineIcons.ts';

describe('timeline icons', () => {
  it('draw every icon key, and each kind with its own', () => {
    for (const key of PROBLEM_EVENT_ICONS) expect(TIMELINE_ICONS[key], key).toBeDefined();
    for (const kind of PROBLEM_EVENT_KINDS)
      expect(timelineIconOf(kind), kind).toBe(TIMELINE_ICONS[PROBLEM_EVENTS[kind].icon]);
  });

  it('give a kind this build does not know the default bullet', () => {
    expect(timelineIconOf('renamed' as ProblemEventKind)).toBe(IconPlus);
  });
});
