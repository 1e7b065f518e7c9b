/**
 * The self-tests `npm test` leaves out and `.ci/run` runs after it (`npm run selftest:heavy`): each starts
 * whole runs of the harness (the kill matrix, gates with a defect, rehearsals on stand-ins, report pipelines,
 * shards) or loads every core. A few seconds to half a minute apiece, they are most of the self-tests' CPU time.
 */
export const HEAVY = { tag: '@heavy' } as const;
