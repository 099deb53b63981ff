/**
 * antd draws icons of its own inside its components (a select's arrow "down", an alert's
 * "check-circle", a dialog's "close", a password box's "eye-invisible") as images named by the
 * icon's English name, and the number box's step buttons as "Increase Value" / "Decrease Value".
 * A screen reader says these in English among the Vietnamese. antd has no one prop for all the
 * places it draws them, so they leave the accessibility tree as they appear: each decorates a
 * control that carries its own Vietnamese name (the select, the alert's text, the "Đóng" button),
 * and a number box answers the arrow keys itself. A button that had only such an icon for a name
 * must be given one (axe-core's check in tests/e2e/accessibility.test.ts fails a nameless button).
 * A table's page buttons (‹ › and the « » jumps) are such buttons: antd puts their Vietnamese name
 * ("Trang Trước", from its locale) on the list item around them as a tooltip only, so here it
 * becomes the button's own name.
 *
 * Only icons still named by their default label are touched (the label matches the icon's
 * `anticon-<name>` class): an icon given a Vietnamese aria-label keeps it. The app's own icons say
 * how they are read where they are written (lint rule motcua/icon-says-how-read).
 */
const UNQUIET = '.anticon[role="img"][aria-label]:not([aria-hidden]), .ant-input-number-action:not([aria-hidden])';

function isLibraryDefault(el: Element): boolean {
  if (el.classList.contains('ant-input-number-action')) return true;
  return el.classList.contains(`anticon-${el.getAttribute('aria-label')}`);
}

/** A page button of antd's Pagination whose only name was its icon's. */
const UNNAMED_PAGE_BUTTON = ':is(.ant-pagination-prev, .ant-pagination-next, .ant-pagination-jump-prev, .ant-pagination-jump-next)[title] > .ant-pagination-item-link:not([aria-label])';

function quiet(root: Element): void {
  if (root.matches(UNQUIET) && isLibraryDefault(root)) root.setAttribute('aria-hidden', 'true');
  for (const el of root.querySelectorAll(UNQUIET)) if (isLibraryDefault(el)) el.setAttribute('aria-hidden', 'true');
  const pageButtons = root.matches(UNNAMED_PAGE_BUTTON) ? [root] : root.querySelectorAll(UNNAMED_PAGE_BUTTON);
  for (const button of pageButtons) button.setAttribute('aria-label', button.parentElement!.getAttribute('title')!);
}

/** Hides antd's own English-named icons under `root` now and as they are added; returns the stop. */
export function quietLibraryIcons(root: Element): () => void {
  quiet(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) quiet(node);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
