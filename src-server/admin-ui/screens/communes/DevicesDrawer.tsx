/** The counters enrolled for one commune; revoking one (after confirmation) stops its sync. */
import { App, Button, Drawer, Table, Tag } from 'antd';
import type { CommuneStats, DeviceRow } from '@shared/hub-admin/api';
import { vi } from '../../i18n/vi';
import { callAdmin } from '../../stores/session';
import { when } from '../../ui/format';
import { useLoad } from '../../ui/useLoad';

export function DevicesDrawer(props: { commune: CommuneStats | undefined; onClose(): void }) {
  const { commune } = props;
  const { message, modal } = App.useApp();
  const devices = useLoad(
    async () =>
      commune ? (await callAdmin('communes.devices', { params: { code: commune.code } })).devices : [],
    [commune?.code],
  );

  const revoke = (row: DeviceRow) =>
    modal.confirm({
      title: vi.devices.revokeTitle,
      content: vi.devices.revokeBody(row.name),
      okText: vi.devices.revoke,
      okButtonProps: { danger: true },
      cancelText: vi.common.cancel,
      onOk: async () => {
        try {
          await callAdmin('devices.revoke', { params: { id: row.id } });
          message.success(vi.devices.revokedDone(row.name));
          devices.reload();
        } catch (err) {
          message.error(err instanceof Error ? err.message : vi.errors.unexpected);
        }
      },
    });

  return (
    <Drawer
      title={commune ? vi.devices.title(commune.name) : ''}
      open={commune !== undefined}
      onClose={props.onClose}
      size="large"
    >
      <Table<DeviceRow>
        rowKey="id"
        size="small"
        loading={devices.loading}
        dataSource={devices.data ?? []}
        pagination={false}
        locale={{ emptyText: devices.error ?? vi.devices.none }}
        columns={[
          { title: vi.devices.name, dataIndex: 'name' },
          { title: vi.devices.enrolledAt, render: (_, d) => when(d.createdAt) },
          { title: vi.communes.lastPush, render: (_, d) => when(d.lastPushAt) },
          {
            title: vi.devices.state,
            render: (_, d) =>
              d.revoked ? <Tag color="red">{vi.devices.revoked}</Tag> : <Tag color="green">{vi.devices.active}</Tag>,
          },
          {
            title: vi.communes.actions,
            render: (_, d) =>
              d.revoked ? null : (
                <Button size="small" danger onClick={() => revoke(d)}>
                  {vi.devices.revoke}
                </Button>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
