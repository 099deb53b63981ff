/**
 * The dossier's electronic files and signatures, in its drawer: digitised papers and results
 * (add, sign), printed forms (sign a copy), signed copies (download, check), and which
 * signatures still wait for their timestamp.
 */
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTimeVi } from '@shared/domain/text';
import type { DossierFileInfo, SignatureRecord } from '@shared/rpc/signing';
import { vi } from '../../i18n/vi';
import { call } from '../../rpc/client';
import { downloadBase64 } from '../../ui/download';
import { errorText } from '../../ui/errors';
import { AddFileDialog } from './AddFileDialog';
import { SignDialog, type SignSource } from './SignDialog';
import { VerifyDialog } from './VerifyDialog';

const t = vi.signing;

interface PrintedForm {
  id: string;
  form: string;
  at: string;
}

const formTitle = (form: string) => vi.print.titles[form as keyof typeof vi.print.titles] ?? form;

export function SignatureLevelTag({ record }: { record: Pick<SignatureRecord, 'level' | 'timestampState'> }) {
  return <Tag color={record.level === 'B-T' ? 'green' : 'orange'}>{t.levels[record.level]}</Tag>;
}

export function DossierFiles({ dossierId, printed }: { dossierId: string; printed: PrintedForm[] }) {
  const [files, setFiles] = useState<DossierFileInfo[]>([]);
  const [signatures, setSignatures] = useState<SignatureRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [signing, setSigning] = useState<{ source: SignSource; title: string; role: 'officer' | 'organisation' } | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setFiles((await call('signing.files', { dossierId })).items);
      setSignatures((await call('signing.list', { dossierId })).items);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [dossierId]);

  useEffect(() => {
    void load();
  }, [load]);

  const download = async (fileId: string) => {
    try {
      const f = await call('signing.download', { fileId });
      downloadBase64(f.fileName, 'application/pdf', f.pdf);
    } catch (err) {
      setError(errorText(err));
    }
  };

  // The latest print of each form: what an officer would sign.
  const forms = [...new Map(printed.map((p) => [p.form, p])).values()];
  const sources = files.filter((f) => f.kind !== 'signed');

  return (
    <div data-testid="dossier-files">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={() => setAdding(true)} data-testid="add-file">
          {t.addFile}
        </Button>
        {forms.map((p) => (
          <Button key={p.id} onClick={() => setSigning({ source: { kind: 'print', printRecordId: p.id }, title: formTitle(p.form), role: 'organisation' })} data-testid={`sign-print-${p.form}`}>
            {`${t.sign}: ${formTitle(p.form).split(' — ')[0]}`}
          </Button>
        ))}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {sources.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noFiles} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={sources}
          data-testid="dossier-file-list"
          columns={[
            { title: t.document, dataIndex: 'label' },
            { title: t.fileKind, dataIndex: 'kind', width: 150, render: (k: DossierFileInfo['kind']) => t.kinds[k] },
            {
              title: '',
              width: 170,
              render: (_: unknown, f: DossierFileInfo) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => setSigning({ source: { kind: 'file', fileId: f.id }, title: f.label, role: f.kind === 'result' ? 'organisation' : 'officer' })}>
                    {t.sign}
                  </Button>
                  <Button size="small" onClick={() => void download(f.id)}>
                    {t.download}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Typography.Title level={3} className="section-title title-size-5">
        {t.signatures}
      </Typography.Title>
      {signatures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noSignatures} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={signatures}
          data-testid="signature-list"
          columns={[
            { title: t.document, dataIndex: 'fileLabel' },
            { title: t.signer, dataIndex: 'signerName', render: (n: string, s: SignatureRecord) => `${n} (${t.roles[s.role].split(' (')[0]})` },
            { title: t.signedAt, dataIndex: 'signedAt', width: 130, render: (v: string) => <span className="dyn">{formatDateTimeVi(v)}</span> },
            { title: t.level, width: 170, render: (_: unknown, s: SignatureRecord) => <SignatureLevelTag record={s} /> },
            {
              title: '',
              width: 170,
              render: (_: unknown, s: SignatureRecord) => (
                <Space>
                  <Button size="small" onClick={() => void download(s.fileId)}>
                    {t.download}
                  </Button>
                  <Button size="small" onClick={() => setVerifying(s.fileId)}>
                    {t.verify}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {adding && (
        <AddFileDialog
          dossierId={dossierId}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            void load();
          }}
        />
      )}
      {signing && <SignDialog source={signing.source} title={signing.title} defaultRole={signing.role} onClose={() => setSigning(null)} onSigned={() => void load()} />}
      {verifying && <VerifyDialog fileId={verifying} onClose={() => setVerifying(null)} />}
    </div>
  );
}
