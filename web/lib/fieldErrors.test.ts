import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { problemUnder, serverFieldProblems } from './fieldErrors.ts';

const refusal = (code: string, details: unknown, status = 400) =>
  new ApiError(status, code, 'The request is not valid', 'req-1', details);

describe('serverFieldProblems', () => {
  it('puts each refused body field under its path, as a translatable problem', () => {
    const error = refusal('VALIDATION_FAILED', [
      { field: 'body.nameTh', message: 'Too small: expected string to have >=1 characters' },
      { field: 'body.position', message: 'Too big: expected string to have <=200 characters' },
      { field: 'body.phones.0.value', message: 'Too small: expected string to have >=3 characters' },
      { field: 'body.email', message: 'Invalid email address' },
      { field: 'body.website', message: 'Invalid URL' },
      { field: 'body.contacts.1.type', message: 'Invalid option' },
    ]);
    expect(serverFieldProblems(error)).toEqual({
      nameTh: 'validation.required',
      position: 'validation.tooLong',
      'phones.0.value': 'validation.tooShort',
      email: 'validation.email',
      website: 'directory.edit.badWebsite',
      'contacts.1.type': 'validation.invalid',
    });
  });

  it('explains refusals that have a code of their own by that code', () => {
    const error = refusal('INVALID_PARENT', [{ field: 'body.parentId', message: 'does not exist' }]);
    expect(serverFieldProblems(error)).toEqual({ parentId: 'errors.INVALID_PARENT' });
  });

  it('ignores anything that is not a 400 about body fields', () => {
    expect(serverFieldProblems(new Error('boom'))).toEqual({});
    expect(serverFieldProblems(refusal('FORBIDDEN', undefined, 403))).toEqual({});
    expect(serverFieldProblems(refusal('VALIDATION_FAILED', [{ field: 'querystring.q' }]))).toEqual({});
    expect(serverFieldProblems(refusal('VALIDATION_FAILED', 'not a list'))).toEqual({});
  });
});

describe('problemUnder', () => {
  it('finds the problem of a field or of anything inside it', () => {
    const problems = { 'phones.0.value': 'validation.tooShort', email: 'validation.email' };
    expect(problemUnder(problems, 'phones')).toBe('validation.tooShort');
    expect(problemUnder(problems, 'email')).toBe('validation.email');
    expect(problemUnder(problems, 'emailAddress')).toBeUndefined();
  });
});
