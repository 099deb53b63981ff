/**
 * pdfmake's printer (Printer.createPdfKitDocument) with our faster parts swapped in: text nodes
 * measured through measure-memo.ts, words and rectangles drawn by renderer.ts, the PDF written by
 * pdf-document.ts. Every step is pdfmake's own code or gives what pdfmake's would, so a document
 * prints to the very bytes `pdfmake.createPdf(doc).getBuffer()` gives (tests/print/engine.test.ts
 * holds every form to that). Documents with images, attachments, files, patterns or passwords
 * (none of our forms) go to pdfmake itself.
 *
 * Why a copy of the printer: pdfmake builds its layout builder and renderer inside
 * createPdfKitDocument, with no way to pass others in, and changing pdfmake's modules would change
 * them for every caller in the process.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { MemoDocMeasure } from './measure-memo';
import { PdfDocument } from './pdf-document';
import { FastRenderer } from './renderer';

const require = createRequire(import.meta.url);
const pdfmakeModule = <T>(name: string): T => (require(`pdfmake/js/${name}`) as { default: T }).default;

type AnyClass = new (...args: any[]) => any;

const Printer = pdfmakeModule<AnyClass>('Printer');
const LayoutBuilder = pdfmakeModule<AnyClass>('LayoutBuilder');
const SVGMeasure = pdfmakeModule<AnyClass>('SVGMeasure');
const URLResolver = pdfmakeModule<AnyClass>('URLResolver');
const { normalizePageSize, normalizePageMargin } = require('pdfmake/js/PageSize') as {
  normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number };
  normalizePageMargin(margin: unknown): unknown;
};
const { tableLayouts } = require('pdfmake/js/tableLayouts') as { tableLayouts: object };
const { convertToDynamicContent } = require('pdfmake/js/helpers/tools') as { convertToDynamicContent(c: unknown): unknown };
const { isValue, isNumber } = require('pdfmake/js/helpers/variableType') as {
  isValue(v: unknown): boolean;
  isNumber(v: unknown): boolean;
};

/** LayoutBuilder measuring with MemoDocMeasure (layoutDocument creates its measurer itself). */
class MemoLayoutBuilder extends LayoutBuilder {
  tryLayoutDocument(docStructure: unknown, pdfDocument: unknown, styleDictionary: unknown, defaultStyle: unknown, ...rest: unknown[]) {
    if (!(this.docMeasure instanceof MemoDocMeasure)) {
      this.docMeasure = new MemoDocMeasure(pdfDocument as never, styleDictionary, defaultStyle, this.svgMeasure, this.tableLayouts);
    }
    return super.tryLayoutDocument(docStructure, pdfDocument, styleDictionary, defaultStyle, ...rest);
  }
}

/** pdfmake 0.3 Printer.js createMetadata. */
function createMetadata(docDefinition: TDocumentDefinitions): Record<string, unknown> {
  const standard = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped'];
  const standardize = (key: string) => {
    const k = key.charAt(0).toUpperCase() + key.slice(1);
    return standard.includes(k) ? k : key.replace(/\s+/g, '');
  };
  const info: Record<string, unknown> = { Producer: 'pdfmake', Creator: 'pdfmake' };
  const given = (docDefinition.info ?? {}) as Record<string, unknown>;
  for (const key in given) if (given[key]) info[standardize(key)] = given[key];
  return info;
}

/** pdfmake 0.3 Printer.js calculatePageHeight (pages of height 'auto'). */
function calculatePageHeight(page: { items: { type: string; item: any }[] }, margins: unknown): number {
  const itemHeight = (item: { type: string; item: any }): number => {
    if (typeof item.item.getHeight === 'function') return item.item.getHeight();
    if (item.item._height) return item.item._height;
    if (item.type === 'vector') {
      if (typeof item.item.y1 !== 'undefined') return item.item.y1 > item.item.y2 ? item.item.y1 : item.item.y2;
      return item.item.h;
    }
    return 0;
  };
  const fixed = normalizePageMargin(margins || 40) as { top: number; bottom: number };
  let height = fixed.top;
  for (const item of page.items) {
    const bottom = (item.item.y || 0) + itemHeight(item);
    if (bottom > height) height = bottom;
  }
  return height + fixed.bottom;
}

/** What the copy supports; anything else goes through pdfmake itself. */
function supported(doc: TDocumentDefinitions): boolean {
  const d = doc as unknown as Record<string, unknown>;
  const empty = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
  return empty(d.images) && empty(d.attachments) && empty(d.files) && empty(d.patterns) && !d.userPassword && !d.ownerPassword;
}

/** pdfmake's Printer building its document with MemoLayoutBuilder. */
class FastPrinter extends Printer {
  async createPdfKitDocument(docDefinition: any, options: any = {}) {
    await this.resolveUrls(docDefinition);
    docDefinition.version = docDefinition.version || '1.3';
    docDefinition.subset = docDefinition.subset || undefined;
    docDefinition.tagged = typeof docDefinition.tagged === 'boolean' ? docDefinition.tagged : false;
    docDefinition.displayTitle = typeof docDefinition.displayTitle === 'boolean' ? docDefinition.displayTitle : false;
    docDefinition.compress = typeof docDefinition.compress === 'boolean' ? docDefinition.compress : true;
    docDefinition.images = docDefinition.images || {};
    docDefinition.attachments = docDefinition.attachments || {};
    docDefinition.pageMargins = isValue(docDefinition.pageMargins) ? docDefinition.pageMargins : 40;
    docDefinition.patterns = docDefinition.patterns || {};
    if (docDefinition.header && typeof docDefinition.header !== 'function') {
      docDefinition.header = convertToDynamicContent(docDefinition.header);
    }
    if (docDefinition.footer && typeof docDefinition.footer !== 'function') {
      docDefinition.footer = convertToDynamicContent(docDefinition.footer);
    }
    const pageSize = normalizePageSize(docDefinition.pageSize, docDefinition.pageOrientation);
    const pdfOptions = {
      size: [pageSize.width, pageSize.height],
      pdfVersion: docDefinition.version,
      subset: docDefinition.subset,
      tagged: docDefinition.tagged,
      displayTitle: docDefinition.displayTitle,
      compress: docDefinition.compress,
      userPassword: docDefinition.userPassword,
      ownerPassword: docDefinition.ownerPassword,
      permissions: docDefinition.permissions,
      lang: docDefinition.language,
      fontLayoutCache: typeof options.fontLayoutCache === 'boolean' ? options.fontLayoutCache : true,
      bufferPages: options.bufferPages || false,
      autoFirstPage: false,
      info: createMetadata(docDefinition),
      font: null,
    };
    const pdfKitDoc = new PdfDocument(
      this.fontDescriptors,
      docDefinition.images,
      docDefinition.patterns,
      docDefinition.attachments,
      pdfOptions,
      this.virtualfs,
      this.localAccessPolicy,
    );
    this.pdfKitDoc = pdfKitDoc;
    const builder = new MemoLayoutBuilder(pageSize, normalizePageMargin(docDefinition.pageMargins), new SVGMeasure());
    builder.registerTableLayouts(tableLayouts);
    if (options.tableLayouts) builder.registerTableLayouts(options.tableLayouts);
    let pages = builder.layoutDocument(
      docDefinition.content,
      pdfKitDoc,
      docDefinition.styles || {},
      docDefinition.defaultStyle || { fontSize: 12, font: 'Roboto' },
      docDefinition.background,
      docDefinition.header,
      docDefinition.footer,
      docDefinition.watermark,
      docDefinition.pageBreakBefore,
    );
    const maxNumberPages = docDefinition.maxPagesNumber || -1;
    if (isNumber(maxNumberPages) && maxNumberPages > -1) pages = pages.slice(0, maxNumberPages);
    for (const page of pages) {
      if (page.pageSize.height === Infinity) page.pageSize.height = calculatePageHeight(page, page.pageMargins);
    }
    new FastRenderer(pdfKitDoc, options.progressCallback).renderPages(pages);
    return pdfKitDoc;
  }
}

interface PdfmakeState {
  fonts: unknown;
  virtualfs: unknown;
  urlAccessPolicy: unknown;
  localAccessPolicy: unknown;
  tableLayouts: unknown;
  progressCallback: unknown;
}

/** The PDF bytes of a pdfmake document, as `pdfmake.createPdf(doc).getBuffer()` gives them. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  if (!supported(doc)) return Buffer.from(await pdfmake.createPdf(doc).getBuffer());
  // The fonts, file system and access policies configured on pdfmake (the print service, ../render.ts), as createPdf uses them.
  const state = pdfmake as unknown as PdfmakeState;
  const urlResolver = new URLResolver(state.virtualfs);
  urlResolver.setUrlAccessPolicy(state.urlAccessPolicy);
  const printer = new FastPrinter(state.fonts, state.virtualfs, urlResolver, state.localAccessPolicy);
  const pdfKitDoc = (await printer.createPdfKitDocument(doc, {
    progressCallback: state.progressCallback,
    tableLayouts: state.tableLayouts,
  })) as PdfDocument;
  pdfKitDoc.end();
  return pdfKitDoc.done;
}
