/** Hồ sơ: find any dossier; F3 lands in the search box from anywhere. */
import { Typography, type InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import { vi } from '../../i18n/vi';
import { useNavigation } from '../../stores/navigation';
import { useViewportHeight } from '../../ui/useViewportHeight';
import { DossierList } from './DossierList';

export function DossiersScreen() {
  const searchRef = useRef<InputRef>(null);
  const searchNonce = useNavigation((s) => s.searchNonce);
  const height = useViewportHeight();

  useEffect(() => {
    searchRef.current?.focus();
  }, [searchNonce]);

  return (
    <div>
      <Typography.Title level={1} className="title-size-3" style={{ marginTop: 0, marginBottom: 8 }}>
        {vi.dossiers.title}
      </Typography.Title>
      <DossierList testId="dossiers" searchRef={searchRef} viewportHeight={height} reservedHeight={64 + 48 + 44 + 40} />
    </div>
  );
}
