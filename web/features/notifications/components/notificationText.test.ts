import { describe, expect, it } from 'vitest';
import { NOTIFIED_KINDS } from '../../../../common/problem-events.ts';
import { en, th } from '../../../locales/all-texts.ts';
import { KIND_TEXTS } from './notificationText.ts';

describe('notification texts', () => {
  it('word every notified kind in both languages', () => {
    for (const kind of NOTIFIED_KINDS) {
      const text = KIND_TEXTS[kind];
      expect(en.notifications.kinds, kind).toHaveProperty(text);
      expect(th.notifications.kinds, kind).toHaveProperty(text);
    }
  });
});
