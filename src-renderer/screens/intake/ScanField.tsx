/**
 * The CCCD scan field. A keyboard-wedge scanner "types" the QR text fast and ends with Enter, so
 * the text passes through the IME (Telex/VNI residue, NFD); parseCccdQr tolerates that. The field
 * is cleared after each read so the next card can be scanned straight away.
 */
import { ScanOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { forwardRef, useState } from 'react';
import { parseCccdQr, type CccdCard } from '@shared/domain/cccd';
import { vi } from '../../i18n/vi';

export interface ScanFieldProps {
  onCard(card: CccdCard, warnings: string[]): void;
  onError(message: string): void;
}

export const ScanField = forwardRef<InputRef, ScanFieldProps>(function ScanField({ onCard, onError }, ref) {
  const [value, setValue] = useState('');

  function read() {
    if (!value.trim()) return;
    const parsed = parseCccdQr(value);
    if (parsed.ok) onCard(parsed.card, parsed.warnings);
    else onError(parsed.error.message);
    setValue('');
  }

  return (
    <Input
      ref={ref}
      id="intake-scan"
      aria-label={vi.intake.scan}
      prefix={<ScanOutlined aria-hidden />}
      placeholder={vi.intake.scanPlaceholder}
      value={value}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={(e) => {
        e.preventDefault();
        read();
      }}
      autoFocus
    />
  );
});
