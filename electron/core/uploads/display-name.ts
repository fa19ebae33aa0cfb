import { ar } from '@shared/labels/ar';
import type { FileKind } from './file-kinds';

/** Longest kept name, extension included (the contract takes 200 characters; the extension may be added). */
const MAX_NAME = 200;

/**
 * Characters a file name never needs and that change how it reads: controls (NUL, line breaks, escape),
 * format characters — the bidi overrides and isolates that turn «‮fdp.exe» into what looks like
 * «exe.pdf», zero-width characters — and line or paragraph separators.
 */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * The name a scan is shown and downloaded under: the last part of what it came with (no folders, for
 * / or \), without unseen characters, spaces collapsed, no leading dots (no hidden or «..» names), and
 * ending in an extension of what its bytes are — «هوية.PNG» stays, «fdp.exe» that is a PDF becomes
 * «fdp.pdf». Arabic is kept as typed. A name with nothing left is the fallback «مرفق».
 */
export function displayFileName(given: string, kind: FileKind): string {
  const lastPart = given.split(/[/\\]/).at(-1) ?? '';
  let stem = lastPart.normalize('NFC').replace(UNSEEN, '').replace(/\s+/g, ' ').trim();
  let ext = kind.ext;
  const dot = /\.([A-Za-z0-9]{1,8})$/.exec(stem);
  if (dot) {
    stem = stem.slice(0, dot.index);
    if (kind.extensions.includes(dot[1]!.toLowerCase())) ext = dot[1]!;
  }
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  if (!stem) stem = ar.requests.attachmentFallbackName;
  const room = MAX_NAME - ext.length - 1;
  const kept = Array.from(stem).slice(0, room).join('').trim();
  return `${kept}.${ext}`;
}
