import type { z } from 'zod';
import { auditOperations } from './audit';
import { authOperations } from './auth';
import { backupOperations } from './backups';
import { beneficiaryOperations } from './beneficiaries';
import { boardOperations } from './board';
import { catalogueOperations } from './catalogue';
import { complaintOperations } from './complaints';
import { computerOperations } from './computer';
import { contactOperations } from './contacts';
import { demoOperations } from './demo';
import { deviceOperations } from './devices';
import { displayOperations } from './display';
import { printingOperations } from './printing';
import { defineContract, type OperationDef } from './define';
import { registerOperations } from './registers';
import { reportOperations } from './reports';
import { requestOperations } from './requests';
import { satisfactionOperations } from './satisfaction';
import { settingsOperations } from './settings';
import { storeOperations } from './store';
import { storeMoveOperations } from './store-move';
import { userOperations } from './users';
import { visitOperations } from './visits';

/** Every operation the renderer (or an integrator over HTTP) can call. See README.md beside this file. */
export const contract = defineContract(
  authOperations,
  userOperations,
  settingsOperations,
  beneficiaryOperations,
  visitOperations,
  demoOperations,
  requestOperations,
  catalogueOperations,
  printingOperations,
  registerOperations,
  auditOperations,
  backupOperations,
  boardOperations,
  reportOperations,
  storeOperations,
  storeMoveOperations,
  computerOperations,
  complaintOperations,
  contactOperations,
  satisfactionOperations,
  deviceOperations,
  displayOperations,
);

export type Contract = typeof contract;
export type OperationName = keyof Contract & string;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = Contract[K] extends OperationDef<z.ZodType, infer O> ? O : never;

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { Access, OperationDef } from './define';
export * from './views';
export type { AuditFieldView, AuditPage, AuditRowView } from './audit';
export type { RegisterFileView, RegisterFilters, RegisterFormat, RegisterPage, RegisterRowView, RegisterSortColumn } from './registers';
export type { BoardComplaint, BoardDay, BoardDesk, BoardFollowUp, BoardRequest, BoardView, BoardWaitingVisit } from './board';
export type { ContactPage, ContactSummary, ContactView } from './contacts';
export type { AboutView, StartWithSystemView, StoreView } from './computer';
export type { DeviceOpenedView, DeviceView } from './devices';
export type { HallCallView, HallDisplayView } from './display';
export type { BackupFileView, BackupJobPhase, BackupOutcome, BackupRunView, BackupStatusView, BackupTrigger } from './backups';
export type { DayFigures, DeskFigures, DurationFigures, PeriodFigures, ReasonFigures, ReportFile, ReportFormat, TargetFigures } from './reports';
export type { ComplaintPage, ComplaintView } from './complaints';
export type { ConnectionTestView, StoreConnectionView, StoreServerView, StoreSource } from './store';
export type { StoreMovePhase, StoreMoveStatusView } from './store-move';
export type { SatisfactionComment, SatisfactionFollowUp, SatisfactionGroup, SatisfactionPendingView, SatisfactionResultsView, SatisfactionSubmitView, SatisfactionSummary } from './satisfaction';
