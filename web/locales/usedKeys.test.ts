import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_SECTIONS } from '../../common/privacy-notice.ts';
import { ROLES, SECTORS } from '../../common/taxonomies.ts';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../features/audit/labels.ts';
import { en } from './all-texts.ts';

const webRoot = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A key, or its plural forms (`people` with `{ count }` reads `people_one` / `people_other`, as i18next does). */
function has(key: string): boolean {
  let node: unknown = en;
  const parts = key.split('.');
  for (const [i, part] of parts.entries()) {
    if (!node || typeof node !== 'object') return false;
    const plural = i === parts.length - 1 && !(part in node) ? `${part}_other` : part;
    if (!(plural in node)) return false;
    node = (node as Record<string, unknown>)[plural];
  }
  return typeof node === 'string';
}

describe('translation keys used by the code', () => {
  it('exist for every literal key', () => {
    const literal = /(?:\bt\(|label: |description: |'validation\.)'?([a-zA-Z]+\.[a-zA-Z.]+)'/g;
    const used = sourceFiles(webRoot).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(literal)].map((match) => ({
        key: match[0].startsWith("'validation.") ? `validation.${match[1]}` : match[1]!,
        file: file.slice(webRoot.length + 1),
      })),
    );
    expect(used.length).toBeGreaterThan(150); // the scan itself works
    expect(used.filter(({ key }) => !has(key))).toEqual([]);
  });

  it('exist for every code that is translated by value', () => {
    const keys = [
      ...ROLES.flatMap((role) => [`roles.${role}`, `home.roleExplained.${role}`]),
      ...SECTORS.map((sector) => `sectors.${sector}`),
      ...['pending', 'accepted', 'revoked', 'expired'].map((status) => `invitations.status.${status}`),
      ...['pending', 'sent', 'failed', 'held'].map((status) => `outbox.status.${status}`),
      ...AUDIT_ACTIONS.map((action) => `auditActions.${action}`),
      ...AUDIT_ENTITY_TYPES.map((entityType) => `auditEntityTypes.${entityType}`),
      ...AUDIT_ACTION_GROUPS.map((group) => `audit.actionGroups.${group}`),
      ...PRIVACY_NOTICE_SECTIONS.flatMap((s) => [`privacyNotice.${s}.title`, `privacyNotice.${s}.body`]),
      ...['firstAnswerDays', 'updateIntervalDays', 'escalationDays'].map(
        (field) => `problems.deadlineSettings.${field}`,
      ),
    ];
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });
});
