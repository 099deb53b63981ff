/** Xã/phường: every commune's sync health, with enrollment and device management. */
import { App, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { CommuneStats } from '@shared/hub-admin/api';
import { vi } from '../i18n/vi';
import { callAdmin } from '../stores/session';
import { LARGE_DRIFT_MS, when } from '../ui/format';
import { useLoad } from '../ui/useLoad';
import { CreateCommuneModal } from './communes/CreateCommuneModal';
import { DevicesDrawer } from './communes/DevicesDrawer';
import { EnrollmentCodeModal, type IssuedCode } from './communes/EnrollmentCodeModal';

export function Communes() {
  const { message } = App.useApp();
  const stats = useLoad(() => callAdmin('stats.communes'), []);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedCode>();
  const [devicesOf, setDevicesOf] = useState<CommuneStats>();

  const issueCode = async (commune: CommuneStats) => {
    try {
      const answer = await callAdmin('communes.enrollmentCode', { params: { code: commune.code }, input: {} });
      setIssued({ communeName: commune.name, code: answer.code, expiresAt: answer.expiresAt });
    } catch (err) {
      message.error(err instanceof Error ? err.message : vi.errors.unexpected);
    }
  };

  return (
    <Card
      title={vi.communes.title}
      extra={
        <Space>
          <Button onClick={stats.reload}>{vi.common.reload}</Button>
          <Button type="primary" onClick={() => setCreating(true)}>
            {vi.communes.create}
          </Button>
        </Space>
      }
    >
      <Table<CommuneStats>
        rowKey="code"
        size="middle"
        loading={stats.loading}
        dataSource={stats.data?.communes ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={stats.error ? { emptyText: stats.error } : undefined}
        columns={[
          { title: vi.communes.code, dataIndex: 'code' },
          { title: vi.communes.name, dataIndex: 'name' },
          { title: vi.communes.devices, render: (_, c) => `${c.activeDevices}/${c.devices}` },
          { title: vi.communes.dossiers, dataIndex: 'dossiers', align: 'right' },
          { title: vi.communes.lastPush, render: (_, c) => when(c.lastPushAt) },
          { title: vi.communes.lastPull, render: (_, c) => when(c.lastPullAt) },
          { title: vi.communes.pending, dataIndex: 'pendingReported', align: 'right' },
          {
            title: vi.communes.drift,
            render: (_, c) => {
              if (c.maxClockDriftMs == null) return vi.common.never;
              const text = vi.communes.driftValue(Math.round(c.maxClockDriftMs / 1000));
              return c.maxClockDriftMs > LARGE_DRIFT_MS ? (
                <Tooltip title={vi.communes.driftLarge}>
                  <Tag color="red">{text}</Tag>
                </Tooltip>
              ) : (
                text
              );
            },
          },
          {
            title: vi.communes.actions,
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => void issueCode(c)}>
                  {vi.communes.issueCode}
                </Button>
                <Button size="small" onClick={() => setDevicesOf(c)}>
                  {vi.communes.showDevices}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CreateCommuneModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          stats.reload();
        }}
      />
      <EnrollmentCodeModal issued={issued} onClose={() => setIssued(undefined)} />
      <DevicesDrawer
        commune={devicesOf}
        onClose={() => {
          setDevicesOf(undefined);
          stats.reload();
        }}
      />
    </Card>
  );
}
