/**
 * The PDF engine's one door (README.md here): what the print service needs, and nothing else.
 * Everything behind it writes the bytes stock pdfmake writes for the same document.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf as renderWithEngine } from './engine';
import { inlineStyles } from './inline-styles';
import { sharedFontFile } from './shared-fonts';

/**
 * The pdfmake font "file" to name in `pdfmake.setFonts` for a font file on disk: the face is
 * read and parsed once per process, each PDF gets a view of its own.
 */
export function pdfFontFile(file: string): string {
  return sharedFontFile(file);
}

/**
 * The PDF bytes of a pdfmake document, as `pdfmake.createPdf(doc).getBuffer()` gives them with the
 * fonts and access policies configured on pdfmake.
 */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return renderWithEngine(inlineStyles(doc));
}
