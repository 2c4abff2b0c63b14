import { createHash } from 'node:crypto';
import { FORMER_USER_EN, FORMER_USER_TH } from '../../common/personal-data-api.ts';

/**
 * A short stable pseudonym of an anonymised account or directory person (ADR 0009): the same id always
 * gives the same one, so what they wrote stays recognisably by one author, and it reveals nothing.
 */
export const pseudonymOf = (id: string) => `#${createHash('sha256').update(id).digest('hex').slice(0, 6)}`;

export const formerUserNames = (id: string) => ({
  th: `${FORMER_USER_TH} ${pseudonymOf(id)}`,
  en: `${FORMER_USER_EN} ${pseudonymOf(id)}`,
  both: `${FORMER_USER_TH} / ${FORMER_USER_EN} ${pseudonymOf(id)}`,
});
