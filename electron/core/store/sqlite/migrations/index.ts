import type { Migration, MigrationProvider } from 'kysely';
import { foundation } from './0001-foundation';
import { supportRequests } from './0002-support-requests';
import { printedDocuments } from './0003-printed-documents';
import { searchNormalisation } from './0004-search-normalisation';
import { staffAccounts } from './0005-staff-accounts';
import { queueIndexes } from './0006-queue-indexes';
import { signInFailures } from './0007-sign-in-failures';
import { auditTrail } from './0008-audit-trail';
import { backupRuns } from './0009-backup-runs';
import { attachmentNames } from './0010-attachment-names';
import { storedFiles } from './0011-stored-files';
import { registerIndexes } from './0013-register-indexes';
import { boardFigures } from './0014-board-figures';
import { reportIndexes } from './0015-report-indexes';
import { contacts } from './0016-contacts';
import { complaints } from './0017-complaints';
import { satisfaction } from './0018-satisfaction';
import { hallDisplay } from './0019-hall-display';
import { contactKeyDeliveryVisit } from './0020-contact-key-delivery-visit';
import { searchRankSequence } from './0021-search-rank-sequence';
import { servingIndex } from './0022-serving-index';
import { deskRevisions } from './0023-desk-revisions';
import { keptFactsMark } from './0024-kept-facts-mark';
import { dayOrderIndex } from './0025-day-order-index';
import { visitLookups } from './0026-visit-lookups';

/**
 * Every migration, listed by hand and in order: no filesystem glob (it breaks inside an asar).
 * Forward only: a released migration is never edited, a new one is added below it.
 */
export const sqliteMigrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-support-requests': supportRequests,
  '0003-printed-documents': printedDocuments,
  '0004-search-normalisation': searchNormalisation,
  '0005-staff-accounts': staffAccounts,
  '0006-queue-indexes': queueIndexes,
  '0007-sign-in-failures': signInFailures,
  '0008-audit-trail': auditTrail,
  '0009-backup-runs': backupRuns,
  '0010-attachment-names': attachmentNames,
  '0011-stored-files': storedFiles,
  '0013-register-indexes': registerIndexes,
  '0014-board-figures': boardFigures,
  '0015-report-indexes': reportIndexes,
  '0016-contacts': contacts,
  '0017-complaints': complaints,
  '0018-satisfaction': satisfaction,
  '0019-hall-display': hallDisplay,
  '0020-contact-key-delivery-visit': contactKeyDeliveryVisit,
  '0021-search-rank-sequence': searchRankSequence,
  '0022-serving-index': servingIndex,
  '0023-desk-revisions': deskRevisions,
  '0024-kept-facts-mark': keptFactsMark,
  '0025-day-order-index': dayOrderIndex,
  '0026-visit-lookups': visitLookups,
};

export const sqliteMigrationProvider: MigrationProvider = {
  getMigrations: async () => sqliteMigrations,
};
