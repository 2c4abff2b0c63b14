import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../common/taxonomies.ts';
import { badRequest } from './errors.ts';

const commonPasswords: { test: (password: string) => boolean } = createRequire(import.meta.url)(
  'fxa-common-password-list',
);

/** OWASP's argon2id baseline (19 MiB, 2 passes). */
/** 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, so unknown emails cannot be told apart by timing. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('tipnet-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/** Rejects passwords that are too short, too long, common or the account's own email. */
export function assertAcceptablePassword(password: string, email?: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw badRequest(
      'WEAK_PASSWORD',
      `Password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
    );
  }
  const lowered = password.toLowerCase();
  if (
    commonPasswords.test(lowered) ||
    isRepetitive(lowered) ||
    (email && lowered.includes(email.split('@')[0]!))
  ) {
    throw badRequest('WEAK_PASSWORD', 'This password is too common or too easy to guess; choose another');
  }
}

/** "aaaaaaaaaaaa", "123412341234": long but trivially guessable. */
function isRepetitive(password: string): boolean {
  return new Set(password).size <= 3;
}
