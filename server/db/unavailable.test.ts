import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert …'), { cause });

describe('isDatabaseUnavailable', () => {
  it('recognises a dropped, refused or shut-down connection, also when Drizzle wraps it', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error('Connection terminated unexpectedly')))).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped(pgError('57P01', 'terminating connection due to administrator command'))),
    ).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(wrapped(pgError('57014', 'canceling statement due to statement timeout'))),
    ).toBe(true);
  });

  it('treats a full disk or exhausted memory as the database being unavailable for now', () => {
    expect(isDatabaseUnavailable(wrapped(pgError('53100', 'could not extend file: No space left')))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(pgError('53200', 'out of memory'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('53300', 'sorry, too many clients already'))).toBe(true);
  });

  it('leaves bugs and bad input alone', () => {
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(pgError('23505', 'duplicate key')))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(pgError('42601', 'syntax error')))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
