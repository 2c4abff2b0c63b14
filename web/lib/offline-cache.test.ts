import { describe, expect, it } from 'vitest';
import { offlineReadKind } from './offline-cache.ts';

describe('what the service worker keeps for offline use', () => {
  it('keeps the finder, the directory, each organisation page, the session and the labels', () => {
    expect(offlineReadKind('/api/v1/directory/finder')).toBe('fresh');
    expect(offlineReadKind('/api/v1/organizations')).toBe('fresh');
    expect(offlineReadKind('/api/v1/organizations/0f9d2a7e-1c2b-4c1e-9a7e-2b1c4d5e6f70')).toBe('fresh');
    expect(offlineReadKind('/api/v1/me')).toBe('fresh');
    expect(offlineReadKind('/api/v1/taxonomies')).toBe('instant');
  });

  it('keeps nothing else: people, problems, notifications, sessions, exports', () => {
    for (const path of [
      '/api/v1/people/0f9d2a7e-1c2b-4c1e-9a7e-2b1c4d5e6f70',
      '/api/v1/organizations/0f9d2a7e-1c2b-4c1e-9a7e-2b1c4d5e6f70/people',
      '/api/v1/organizations/0f9d2a7e-1c2b-4c1e-9a7e-2b1c4d5e6f70/people.csv',
      '/api/v1/problems',
      '/api/v1/notifications',
      '/api/v1/me/sessions',
      '/api/v1/audit',
      '/api/v2/me',
      '/finder',
    ]) {
      expect(offlineReadKind(path), path).toBeNull();
    }
  });
});
