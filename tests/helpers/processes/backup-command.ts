/**
 * `npm run backup` as a child the test can kill: the real scripts/backup.ts, run through tsx, its
 * progress lines on stdout. (A separate entry only so the test helper's spawnTs can start it.)
 */
import '../../../scripts/backup';
