/**
 * Papers digitised for this citizen before (same ID number), offered on each checklist item:
 * the kind, the date, the procedure and the dossier they came with. Choosing one adds its pages
 * to the item without scanning (the same stored files, `scans.reuse`).
 */
import { Select } from 'antd';
import { foldForSearch, formatDateVi } from '@shared/domain/text';
import type { RpcOutput } from '@shared/rpc';
import { vi } from '../../../i18n/vi';

const t = vi.scans;

export type ReusableItem = RpcOutput<'scans.reusable'>['items'][number];

interface Props {
  itemName: string;
  offers: ReusableItem[];
  disabled: boolean;
  onChoose(offer: ReusableItem): void;
}

export function ReuseOffer({ itemName, offers, disabled, onChoose }: Props) {
  if (offers.length === 0) return null;
  // The same kind of paper first: that is the one the officer would otherwise scan again.
  const same = (o: ReusableItem) => foldForSearch(o.itemName) === foldForSearch(itemName);
  const sorted = [...offers.filter(same), ...offers.filter((o) => !same(o))];
  return (
    <Select
      size="small"
      aria-label={t.reuseFor(itemName)}
      placeholder={t.reuse(offers.length)}
      value={null}
      disabled={disabled}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220 }}
      data-testid="reuse-offer"
      onChange={(key: string) => {
        const offer = sorted.find((o) => `${o.dossierId}|${o.itemName}|${o.pageIds[0]}` === key);
        if (offer) onChoose(offer);
      }}
      options={sorted.map((o) => ({
        value: `${o.dossierId}|${o.itemName}|${o.pageIds[0]}`,
        label: t.reuseOption(o.itemName, o.pageIds.length, formatDateVi(o.digitisedAt), o.procedureName, o.dossierCode),
      }))}
    />
  );
}
