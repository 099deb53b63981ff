/**
 * What a screen reader would say in English on a page: an icon of @ant-design/icons left in the
 * accessibility tree is named by its own English name ("printer", "close-circle"), as an image of
 * its own and inside the name of the button or menu item that holds it ("printer In"). axe-core
 * does not count this as a violation: the name is there, only in the wrong language.
 *
 * Read from the page's accessibility tree as Playwright computes it (ariaSnapshot), so an icon that
 * is aria-hidden does not count. An icon inside a button named by its own aria-label still does:
 * the tree lists it under the button, though a screen reader would say only the button's name.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Every icon's default label, from the icon package's own exports: CloseCircleFilled → "close-circle". */
const ICON_NAMES: ReadonlySet<string> = new Set(
  Object.keys(require('@ant-design/icons') as Record<string, unknown>)
    .map((name) => /^([A-Z]\w*?)(Outlined|Filled|TwoTone)$/.exec(name)?.[1])
    .filter((stem): stem is string => stem !== undefined)
    .map((stem) => stem.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase()),
);

/** The English names antd's components give controls of their own (the number box's step buttons). */
const LIBRARY_NAMES: ReadonlySet<string> = new Set(['Increase Value', 'Decrease Value']);

/**
 * The lines of the page's accessibility tree whose name starts with an icon's English name: the
 * icon itself ('img "printer"') or what takes its name from it ('button "printer In"', 'button
 * "search"'), or is one of antd's own English names. A Vietnamese name that merely holds such a
 * word ("Quét bằng camera") is not one.
 */
export async function englishIconNames(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return tree.split('\n').filter((line) => {
    const name = /^\s*- [\w-]+ "([^"]*)"/.exec(line)?.[1];
    return name !== undefined && (ICON_NAMES.has(name.split(/\s+/)[0]!) || LIBRARY_NAMES.has(name));
  });
}
