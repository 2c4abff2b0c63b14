/**
 * The V8 flags the server runs with, under `npm start` and in the bench alike. Semi-spaces of 32 MB
 * instead of V8's 16: a request's objects (rows, query text, the response) die young, and a larger young
 * generation collects them less often and promotes fewer of them. Search as typed at 5,000 organisations
 * (ADR 0006): 172 req/s without (six runs), 188 with 32 MB (three), 187 with 64 MB (nine); 32 MB costs
 * ~80–120 MB more resident memory under load, 64 MB ~150 MB.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
