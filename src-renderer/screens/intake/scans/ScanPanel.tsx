/**
 * One checklist item's papers: pages from a file (picker or drag-and-drop), the scanner, the scan
 * folder or the camera, shown as a strip to reorder, rotate and delete. Core refuses a bad file in
 * Vietnamese and stores nothing; each refusal stays on the panel, with the file's name, until the
 * officer closes it.
 */
import { CameraOutlined, FolderOpenOutlined, PaperClipOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import type { ScanPage } from '@shared/rpc/scans';
import { vi } from '../../../i18n/vi';
import { call } from '../../../rpc/client';
import { errorText } from '../../../ui/errors';
import { CameraDialog } from './CameraDialog';
import { FolderDialog } from './FolderDialog';
import { PageStrip } from './PageStrip';
import { ScannerDialog } from './ScannerDialog';
import type { ScanTarget } from './target';
import { ACCEPTED_FILES, uploadFile, type UploadProgress } from './upload';
import './scans.css';

const t = vi.scans;

interface Props {
  target: ScanTarget;
  pages: ScanPage[];
  /** Asks the owner to list the pages again after any change here. */
  onChanged(): void;
  disabled?: boolean;
  /** Papers digitised before that could stand in for scanning (Tiếp nhận's reuse offer). */
  extra?: ReactNode;
}

type Work = { file: string; progress: UploadProgress } | null;

export function ScanPanel({ target, pages, onChanged, disabled = false, extra }: Props) {
  const { modal } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [work, setWork] = useState<Work>(null);
  const [arranging, setArranging] = useState(false);
  const [problems, setProblems] = useState<{ id: number; text: string }[]>([]);
  const [dragging, setDragging] = useState(false);
  const [dialog, setDialog] = useState<'scanner' | 'folder' | 'camera' | null>(null);
  const nextProblem = useRef(0);
  const busy = work !== null || arranging;
  const label = target.item.name;

  const problem = (text: string) => setProblems((p) => [...p, { id: ++nextProblem.current, text }]);

  async function addFiles(files: File[]) {
    for (const f of files) {
      setWork({ file: f.name, progress: { phase: 'sending', percent: 0 } });
      try {
        await uploadFile(f, target, 'upload', (progress) => setWork({ file: f.name, progress }));
      } catch (err) {
        problem(`${f.name}: ${errorText(err)}`);
      }
    }
    setWork(null);
    onChanged();
  }

  async function arrange(step: () => Promise<unknown>) {
    setArranging(true);
    try {
      await step();
    } catch (err) {
      problem(errorText(err));
    } finally {
      setArranging(false);
      onChanged();
    }
  }

  function confirmDelete(page: ScanPage) {
    modal.confirm({
      title: t.deleteTitle(pages.indexOf(page) + 1, label),
      content: t.deleteBody,
      okText: t.delete,
      okButtonProps: { danger: true },
      cancelText: t.keep,
      autoFocusButton: 'cancel',
      onOk: () => arrange(() => call('scans.remove', { pageId: page.id })),
    });
  }

  const off = disabled || busy;
  return (
    <section
      className={`scan-panel${dragging ? ' scan-panel-drop' : ''}`}
      aria-label={t.panelLabel(label)}
      data-testid="scan-panel"
      data-item={target.item.position}
      onDragOver={(e) => {
        if (off || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        if (off) return;
        e.preventDefault();
        void addFiles([...e.dataTransfer.files]);
      }}
    >
      <div className="scan-panel-head">
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text type="secondary" data-testid="scan-count">
          {t.pageCount(pages.length)}
        </Typography.Text>
      </div>
      <Space wrap size={4}>
        <Button size="small" icon={<PaperClipOutlined aria-hidden />} aria-label={t.chooseFile} disabled={off} onClick={() => fileInput.current?.click()}>
          {t.chooseFile}
        </Button>
        <Button size="small" icon={<ScanOutlined aria-hidden />} aria-label={t.scan} disabled={off} onClick={() => setDialog('scanner')}>
          {t.scan}
        </Button>
        <Button size="small" icon={<FolderOpenOutlined aria-hidden />} aria-label={t.fromFolder} disabled={off} onClick={() => setDialog('folder')}>
          {t.fromFolder}
        </Button>
        <Button size="small" icon={<CameraOutlined aria-hidden />} aria-label={t.camera} disabled={off} onClick={() => setDialog('camera')}>
          {t.camera}
        </Button>
        {extra}
      </Space>
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        // Opened by "Chọn tệp"; an inline style because the app's input styles outrank [hidden].
        style={{ display: 'none' }}
        aria-label={t.chooseFileFor(label)}
        data-testid="scan-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void addFiles(files);
        }}
      />
      {!disabled && pages.length === 0 && !work && <div className="scan-drop-hint">{t.dropHint}</div>}
      {work && (
        <div role="status" data-testid="scan-progress" className="scan-progress">
          <Typography.Text>{work.progress.phase === 'sending' ? t.sending(work.file) : t.storing(work.file)}</Typography.Text>
          <Progress percent={work.progress.phase === 'sending' ? work.progress.percent : 100} status="active" size="small" showInfo={work.progress.phase === 'sending'} />
        </div>
      )}
      {problems.map((p) => (
        <Alert
          key={p.id}
          type="error"
          showIcon
          title={p.text}
          className="scan-problem"
          data-testid="scan-problem"
          closable={{ onClose: () => setProblems((all) => all.filter((x) => x.id !== p.id)), 'aria-label': t.closeProblem }}
        />
      ))}
      <PageStrip
        pages={pages}
        editable={!disabled}
        busy={busy}
        onMove={(p, toSeq) => void arrange(() => call('scans.move', { pageId: p.id, toSeq }))}
        onRotate={(p) => void arrange(() => call('scans.rotate', { pageId: p.id, by: 90 }))}
        onDelete={confirmDelete}
      />
      {dialog === 'scanner' && <ScannerDialog target={target} onAdded={onChanged} onClose={() => setDialog(null)} />}
      {dialog === 'folder' && <FolderDialog target={target} onAdded={onChanged} onClose={() => setDialog(null)} />}
      {dialog === 'camera' && <CameraDialog target={target} onAdded={onChanged} onClose={() => setDialog(null)} />}
    </section>
  );
}
