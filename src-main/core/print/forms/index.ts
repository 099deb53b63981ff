/** The registry of printable forms, one module per form. */
import type { FormId } from '../model';
import { mau01 } from './mau01';
import { mau02 } from './mau02';
import { mau03 } from './mau03';
import { mau04 } from './mau04';
import { mau05 } from './mau05';
import { mau06 } from './mau06';
import { mau07 } from './mau07';
import { reportIi06a } from './report_ii06a';
import { ticket } from './ticket';
import type { PrintForm } from './types';

/** Keyed by FormId so adding an id without a module fails the build. */
export const FORMS: Record<FormId, PrintForm> = {
  mau01,
  mau02,
  mau03,
  mau04,
  mau05,
  mau06,
  mau07,
  ticket,
  report_ii06a: reportIi06a,
} as Record<FormId, PrintForm<never>> as Record<FormId, PrintForm>;
