/**
 * A select's clear button (antd's `allowClear`) with a Vietnamese name. The select library names
 * the button "Clear" unless told otherwise, and the button is a Tab stop: a keyboard user heard
 * "Clear" right after "Thủ tục hành chính", and a screen reader said it in English. antd passes an
 * `allowClear` object through as it is, so the object also carries antd's own icon.
 */
import { CloseCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';

export function selectClear(label: string): { clearIcon: ReactNode; label: string } {
  return { clearIcon: <CloseCircleFilled />, label };
}
