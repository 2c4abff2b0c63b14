export * from './audit.ts';
export * from './directory.ts';
export * from './organisations.ts';
export * from './outbox.ts';
export * from './rate-limits.ts';
export * from './sessions.ts';
export * from './tokens.ts';
export * from './users.ts';
