/**
 * The clear buttons of antd's fields (`allowClear`), named in Vietnamese. Both are Tab stops, and
 * both reached a keyboard or screen-reader user in English: a select's is named "Clear" by the
 * select library, a text box's takes its name from its icon's label, "close-circle". antd passes
 * an `allowClear` object through as it is, so each object also carries antd's own icon.
 */
import { CloseCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';

/** For a Select: the library reads the button's name from `label`. */
export function selectClear(label: string): { clearIcon: ReactNode; label: string } {
  return { clearIcon: <CloseCircleFilled aria-hidden />, label };
}

/** For an Input or Input.Search: the button is named by its content, the icon. */
export function inputClear(label: string): { clearIcon: ReactNode } {
  return { clearIcon: <CloseCircleFilled aria-label={label} /> };
}
