/**
 * The receipt being typed at Tiếp nhận, kept while the officer looks at another screen (a question
 * about an earlier dossier is common mid-receipt) and cleared by F2 (after asking), by a saved
 * receipt, and at every sign-in or sign-out.
 *
 * It lives in memory only and does not survive a reload: the draft holds a citizen's ID number,
 * birth date and address, and browser storage on a shared counter PC would keep them on disk
 * after the officer has gone. A reload is rare at the counter (the desktop app has no reload
 * button); the cost of losing a half-typed receipt then is small next to that.
 */
import { create } from 'zustand';
import type { IntakeValues } from '../screens/intake/intakeValues';

interface IntakeDraftState {
  values: IntakeValues | null;
  /** The last F2 the intake screen has acted on (navigation.intakeNonce), so a return to the screen is not mistaken for a new F2. */
  handledNonce: number;
  keep(values: IntakeValues): void;
  clear(): void;
  handled(nonce: number): void;
}

export const useIntakeDraft = create<IntakeDraftState>((set) => ({
  values: null,
  handledNonce: 0,
  keep: (values) => set({ values }),
  clear: () => set({ values: null }),
  handled: (nonce) => set({ handledNonce: nonce }),
}));

/** Whether anything of a receipt has been typed or chosen (the defaults alone are not a draft). */
export function hasDraft(v: IntakeValues | null | undefined): boolean {
  if (!v) return false;
  const typed = Object.values(v.applicant ?? {}).some((x) => (typeof x === 'string' ? x.trim() !== '' : x != null));
  return typed || Boolean(v.procedureCode);
}
