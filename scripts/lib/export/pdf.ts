/**
 * The PDFs Chromium prints, made reproducible: Chromium stamps the moment of printing as the
 * document's creation and modification dates, so two exports of the same site differed. Here
 * both dates become the date the content is as of (the newest review of the book's errors), and
 * the file is written again by pdf-lib, which also packs the many small objects of the tagged
 * structure into compressed object streams. Nothing else changes: text, links, bookmarks,
 * structure tree, title and language stay as Chromium wrote them.
 */
import { PDFDocument, PDFHeader } from '@cantoo/pdf-lib';

export interface StampedPdf {
  bytes: Uint8Array;
  pages: number;
}

/** Chromium's PDF with `date` as its creation and modification date; the same input gives the same bytes. */
export async function stampPdf(pdf: Uint8Array, date: Date): Promise<StampedPdf> {
  if (Number.isNaN(date.getTime())) throw new Error('a PDF needs a valid date to be stamped with');
  // updateMetadata: false, or pdf-lib would stamp its own name and the time of saving.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  // Object streams are a PDF 1.5 feature; Chromium writes a 1.4 header.
  doc.context.header = PDFHeader.forVersion(1, 7);
  return { bytes: await doc.save({ useObjectStreams: true }), pages: doc.getPageCount() };
}
