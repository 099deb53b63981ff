/** The admin API's answers as the page reads them: the hub's own types, imported as types only. */
export type { CommuneStats } from '../../admin/stats';
export type { DeviceRow } from '../../admin/devices';
export type { DossierSearchRow } from '../../admin/dossier-search';
export type { OnTimeRow } from '../../admin/on-time';
export type { RejectedOpRow, RejectedOpsSummary } from '../../admin/rejected-ops';
