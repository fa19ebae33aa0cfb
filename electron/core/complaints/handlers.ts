import type { HandlerMap } from '../handlers';
import { closeComplaint, updateComplaint } from './follow-up';
import { listComplaints } from './list-complaints';
import { receiveComplaint } from './receive-complaint';

type ComplaintOperation = 'complaints.create' | 'complaints.list' | 'complaints.update' | 'complaints.close';

export const complaintHandlers: HandlerMap<ComplaintOperation> = {
  'complaints.create': (input, ctx) => receiveComplaint(ctx, input),
  'complaints.list': listComplaints,
  'complaints.update': updateComplaint,
  'complaints.close': closeComplaint,
};
