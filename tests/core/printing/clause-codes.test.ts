import { describe, expect, it } from 'vitest';
import { renderDailyRegister } from '../../../electron/core/printing/daily-register';
import { renderDeclaration } from '../../../electron/core/printing/declaration';
import { renderReceipt } from '../../../electron/core/printing/receipt';
import { renderReferencePlaceholder } from '../../../electron/core/printing/reference-placeholder';
import { blankRequestForm, renderRequestForm } from '../../../electron/core/printing/request-form';
import { renderTicket } from '../../../electron/core/printing/ticket';
import { printingAr } from '@shared/labels/printing-ar';
import { CLAUSE_CODE } from '../../helpers/clause-codes';
import * as sample from './fixtures';
import { pdfText } from './pdf-text';

/** On paper: the form the applicant signs, and every other printout, reads without clause codes. */
describe('no clause code on any printed document', () => {
  const documents: [string, () => Promise<Buffer>][] = [
    ['the queue ticket', () => renderTicket(sample.ticket)],
    ['the declaration the applicant signs', () => renderDeclaration(sample.declaration)],
    ['the receipt', () => renderReceipt(sample.receipt)],
    ['the filled request form', () => renderRequestForm(sample.requestForm)],
    ['the blank request form', () => renderRequestForm(blankRequestForm(sample.header, sample.DOCUMENT_NAMES, sample.requestForm.printedAt))],
    ['the daily register', () => renderDailyRegister(sample.register)],
    ['a reference placeholder', () => renderReferencePlaceholder(sample.header, printingAr.reference.titles.T1, sample.requestForm.printedAt)],
  ];
  it.each(documents)('%s', async (_name, render) => {
    const t = await pdfText(await render());
    // The text layer as pdf.js gives it, brackets mirrored or not.
    for (const page of t.raw) expect(page.replace(/[()]/g, ' ')).not.toMatch(CLAUSE_CODE);
  });
});
