import type { auditOperations } from '@shared/contract/audit';
import type { OperationName } from '@shared/contract';
import { ar } from '@shared/labels/ar';
import type { HandlersOf } from '../handler-kinds';
import { listAudit } from './list-audit';

/** The audit screen's name for every operation: a missing label is a compile error here. */
export const OPERATION_LABELS: Record<OperationName, string> = ar.operations;

export const auditHandlers: HandlersOf<typeof auditOperations> = {
  'audit.list': async (input, ctx) => {
    const page = await listAudit(input, ctx);
    // Full IDs on the audit screen are personal data in full like any other: that listing is recorded.
    if (input.showFullIds) {
      const { olderThan: _page, limit: _limit, showFullIds: _show, ...filters } = input;
      ctx.audit({ entity: null, entityId: null, after: { ...filters, showFullIds: true } });
    }
    return page;
  },
};
