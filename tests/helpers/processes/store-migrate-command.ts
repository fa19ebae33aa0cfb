/**
 * `npm run store:migrate` as a child the test can watch: the real scripts/store-migrate.ts, run
 * through tsx, its progress on stdout. (A separate entry only so the test helper's spawnTs starts it.)
 */
import '../../../scripts/store-migrate';
