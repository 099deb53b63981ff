/**
 * Số hóa on the Tiếp nhận form: a capture panel per checklist item, all under the form's batch
 * (bound to the dossier by `dossiers.receive`). The scanned page count fills "Số trang" for fees
 * charged per page (chứng thực), and a known ID number brings its earlier papers as offers.
 */
import { Alert, Form } from 'antd';
import { useEffect, useState } from 'react';
import type { Procedure } from '@shared/domain/catalog';
import { vi } from '../../../i18n/vi';
import { call } from '../../../rpc/client';
import { errorText } from '../../../ui/errors';
import { needsPages } from '../FeePreview';
import type { IntakeValues } from '../intakeValues';
import { ReuseOffer, type ReusableItem } from './ReuseOffer';
import { ScanPanel } from './ScanPanel';
import { pagesOf, useScanPages } from './useScanPages';

const t = vi.scans;
const ID_NUMBER = /^(\d{9}|\d{12})$/;

interface Props {
  batch: string;
  procedure: Procedure;
  disabled: boolean;
}

export function IntakeScans({ batch, procedure, disabled }: Props) {
  const form = Form.useFormInstance<IntakeValues>();
  const documents = (Form.useWatch('documents', form) as IntakeValues['documents'] | undefined) ?? [];
  const idNumber = ((Form.useWatch(['applicant', 'idNumber'], form) as string | undefined) ?? '').trim();
  const { pages, error, reload } = useScanPages({ batch });
  const [offers, setOffers] = useState<ReusableItem[]>([]);
  const [reuseError, setReuseError] = useState<string | null>(null);
  const documentPages = pages.filter((p) => p.role === 'document').length;

  // The pages scanned are the pages charged: the officer may still type another number after.
  useEffect(() => {
    if (documentPages > 0 && needsPages(procedure)) form.setFieldsValue({ pages: documentPages });
  }, [documentPages, procedure, form]);

  useEffect(() => {
    if (!ID_NUMBER.test(idNumber)) {
      setOffers([]);
      return;
    }
    let live = true;
    call('scans.reusable', { idNumber }).then(
      (r) => live && setOffers(r.items),
      (err: unknown) => live && setReuseError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [idNumber]);

  async function reuse(item: { position: number; name: string }, offer: ReusableItem) {
    setReuseError(null);
    try {
      await call('scans.reuse', { batch, role: 'document', item, pageIds: offer.pageIds });
    } catch (err) {
      setReuseError(errorText(err));
    }
    reload();
  }

  return (
    <div className="scan-papers" data-testid="intake-scans" data-batch={batch}>
      <div className="field-label">{t.title}</div>
      {error && <Alert type="error" showIcon title={error} />}
      {reuseError && <Alert type="error" showIcon title={reuseError} closable={{ onClose: () => setReuseError(null) }} />}
      {documents.map((d, position) => {
        const name = d?.name?.trim();
        if (!name) return null;
        const item = { position, name };
        return (
          <ScanPanel
            key={position}
            target={{ batch, role: 'document', item }}
            pages={pagesOf(pages, 'document', position)}
            onChanged={reload}
            disabled={disabled}
            extra={<ReuseOffer itemName={name} offers={offers} disabled={disabled} onChoose={(o) => void reuse(item, o)} />}
          />
        );
      })}
    </div>
  );
}
