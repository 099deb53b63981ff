/** What the officer reads when a call fails: core's Vietnamese message, never a stack trace. */
import type { FormInstance } from 'antd';
import { fieldErrors, RpcError } from '../rpc/client';

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
 * ['applicant', 'fullName']). Returns the issues no field on this form could show.
 */
export function showFieldErrors(form: FormInstance, err: unknown, prefix: (string | number)[] = []): string[] {
  const issues = fieldErrors(err);
  const unplaced: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [key, message] of Object.entries(issues)) {
    const name = [...prefix, ...key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
    if (key && form.getFieldInstance(name) !== undefined) fields.push({ name, errors: [message] });
    else unplaced.push(key ? `${key}: ${message}` : message);
  }
  form.setFields(fields);
  return unplaced;
}
