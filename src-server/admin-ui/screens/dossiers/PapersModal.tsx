/**
 * A dossier's papers as the hub holds them (scanned pages sent up by the commune): the list by
 * checklist item and page, which have arrived, and a download of each arrived page (PDF).
 */
import { App, Button, Modal, Table, Tag } from 'antd';
import { adminPaperPath, type DossierPaperRow, type DossierSearchRow } from '@shared/hub-admin/api';
import { vi } from '../../i18n/vi';
import { callAdmin, useSession } from '../../stores/session';
import { useLoad } from '../../ui/useLoad';

const t = vi.papers;

function sizeText(bytes: number): string {
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
}

export function PapersModal({ dossier, onClose }: { dossier: DossierSearchRow | undefined; onClose(): void }) {
  const { message } = App.useApp();
  const papers = useLoad(() => (dossier ? callAdmin('dossiers.papers', { params: { id: dossier.id } }) : Promise.resolve({ papers: [] })), [dossier?.id]);

  async function download(paper: DossierPaperRow) {
    const session = useSession.getState().session;
    if (!session || !dossier) return;
    const res = await fetch(adminPaperPath(paper.sha256), { headers: { authorization: session.authorization } });
    if (!res.ok) {
      message.error(t.waiting);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `${dossier.code}-${paper.itemPosition + 1}-${paper.seq + 1}.pdf`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Modal open={dossier !== undefined} title={dossier ? t.title(dossier.code) : ''} onCancel={onClose} footer={<Button onClick={onClose}>{t.close}</Button>} width={820}>
      <Table<DossierPaperRow>
        rowKey="pageId"
        size="small"
        data-testid="dossier-papers"
        loading={papers.loading}
        dataSource={papers.data?.papers ?? []}
        locale={{ emptyText: papers.error ?? t.empty }}
        pagination={false}
        columns={[
          { title: t.kind, render: (_, p) => (p.role === 'result' ? t.result : t.document) },
          { title: t.item, dataIndex: 'itemName', ellipsis: true },
          { title: t.page, render: (_, p) => p.seq + 1 },
          { title: t.size, render: (_, p) => sizeText(p.size) },
          { title: t.state, render: (_, p) => (p.stored ? <Tag color="green">{t.stored}</Tag> : <Tag>{t.waiting}</Tag>) },
          {
            title: '',
            render: (_, p) => (
              <Button size="small" disabled={!p.stored} onClick={() => void download(p)}>
                {t.download}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
