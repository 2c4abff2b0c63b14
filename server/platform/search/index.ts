/** Thai-aware full-text search over PostgreSQL tsvectors; see tsvector.ts and tsquery.ts. */

export { normalise } from './normalise.ts';
export { compileSynonyms, type Synonyms, searchSynonyms } from './synonyms.ts';
export { buildTsquery } from './tsquery.ts';
export { buildTsvector, type WeightedText } from './tsvector.ts';
