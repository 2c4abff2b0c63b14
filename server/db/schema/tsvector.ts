import { customType } from 'drizzle-orm/pg-core';

/** A tsvector column; written from a literal built by server/platform/search, read only by queries. */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});
