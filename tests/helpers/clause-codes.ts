/** A policy clause code — S4, (C1), T1 — as it must never appear in text a person reads. */
export const CLAUSE_CODE = /(?<![A-Za-z0-9-])[PCTS][1-9](?![0-9])|\([PCTS]\d\)/;
