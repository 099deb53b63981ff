/** What the officer reads when a call fails: core's Vietnamese message, never a stack trace. */
import type { FormInstance } from 'antd';
import { fieldErrors, RpcError } from '../rpc/client';
import { placeIssues } from './field-issues';

/** antd's validateFields rejects with the fields that failed their rules (marked on the form). */
export function isFormIncomplete(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'errorFields' in err;
}

export function errorText(err: unknown): string {
  if (err instanceof RpcError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Puts core's INVALID_INPUT issues next to the matching fields ("applicant.fullName" →
 * ['applicant', 'fullName']). Returns the messages no field on this form could show.
 */
export function showFieldErrors(form: FormInstance, err: unknown, prefix: (string | number)[] = []): string[] {
  const { fields, unplaced } = placeIssues(fieldErrors(err), (name) => form.getFieldInstance(name) !== undefined, prefix);
  form.setFields(fields);
  return unplaced;
}
