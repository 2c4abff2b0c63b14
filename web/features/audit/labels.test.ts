import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  actionLabel,
  actionOptions,
} from './labels.ts';

const serverRoot = join(import.meta.dirname, '../../../server');

function serverSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : serverSources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** What the server passes to recordAudit, found in its source. */
function recorded(field: 'action' | 'entityType'): string[] {
  const pattern = new RegExp(`\\b${field}: '([a-z_.]+)'`, 'g');
  const codes = serverSources(serverRoot).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1]!),
  );
  return [...new Set(codes)].sort();
}

const fakeT = ((key: string) => `«${key}»`) as unknown as TFunction;

describe('audit labels', () => {
  it('know every action the server records', () => {
    const actions = recorded('action');
    expect(actions.length).toBeGreaterThan(15); // the scan itself works
    expect(actions.filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it('know every entity type the server records', () => {
    const known = AUDIT_ENTITY_TYPES as readonly string[];
    expect(recorded('entityType').filter((entityType) => !known.includes(entityType))).toEqual([]);
  });

  it('offer every known action in exactly one filter group', () => {
    const offered = actionOptions(fakeT).flatMap((group) => group.items.map((item) => item.value));
    expect(offered.sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(AUDIT_ACTION_GROUPS.length).toBe(new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0])).size);
  });

  it('show an action this version does not know as its code', () => {
    expect(actionLabel(fakeT, 'auth.login')).toBe('«auditActions.auth.login»');
    expect(actionLabel(fakeT, 'case.opened')).toBe('case.opened');
  });
});
