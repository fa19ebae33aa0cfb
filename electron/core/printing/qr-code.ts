import QRCode from 'qrcode';

/**
 * A QR code drawn as vector squares, quiet zone of one module included in `size`. Drawn rather than
 * embedded as a picture: sharp at any printer resolution, and no PNG to encode and decode on every
 * receipt (that was most of the receipt's time). One filled path, so neighbouring squares leave no
 * hairline seams when a viewer smooths edges.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const unit = size / (n + 2);
  doc.save();
  // White behind the code, the quiet zone included: scanners need it even on tinted paper.
  doc.rect(x, y, size, size).fill('#FFFFFF');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && modules.get(row, end)) end++;
      doc.rect(x + (col + 1) * unit, y + (row + 1) * unit, (end - col) * unit, unit);
      col = end;
    }
  }
  doc.fill('#000000');
  doc.restore();
}
