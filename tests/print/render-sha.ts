/**
 * Prints the SHA-256 of forms rendered from the shared fixture in a freshly started process, one
 * line per form (used by shared-fonts.test.ts). Usage: node --import tsx tests/print/render-sha.ts <formId>…
 */
import { renderForm, type FormId } from '../../src-main/core/print/render';
import { FULL_CONTEXT } from '../fixtures/print/context';

for (const id of process.argv.slice(2) as FormId[]) {
  const { sha256 } = await renderForm(id, FULL_CONTEXT);
  process.stdout.write(`${sha256}\n`);
}
