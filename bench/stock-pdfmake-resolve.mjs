// Module resolution hook (see stock-pdfmake-hook.mjs): the PDF engine's entry becomes stock pdfmake.
const ENGINE_ENTRY = '/src-main/core/print/pdf-engine/index.ts';
const STOCK = new URL('./stock-pdfmake.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  return resolved.url.endsWith(ENGINE_ENTRY) ? { ...resolved, url: STOCK } : resolved;
}
