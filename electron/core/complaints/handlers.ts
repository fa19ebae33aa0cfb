import type { complaintOperations } from '@shared/contract/complaints';
import type { HandlersOf } from '../handler-kinds';
import { closeComplaint, updateComplaint } from './follow-up';
import { listComplaints } from './list-complaints';
import { receiveComplaint } from './receive-complaint';

export const complaintHandlers: HandlersOf<typeof complaintOperations> = {
  'complaints.create': (input, ctx) => receiveComplaint(ctx, input),
  'complaints.list': listComplaints,
  'complaints.update': updateComplaint,
  'complaints.close': closeComplaint,
};
