/** Where a capture panel's pages go: the intake form's batch, or a received dossier (the result). */
export interface ScanTarget {
  batch: string;
  dossierId?: string;
  role: 'document' | 'result';
  item: { position: number; name: string };
}
