/** A QR drawn from the modules core encoded (src-shared/rpc/board.ts), as one SVG path, with its quiet zone. */
import type { QrModules as Modules } from '@shared/rpc/board';

const QUIET = 4;

export function QrModules({ qr, size, label }: { qr: Modules; size: number; label: string }) {
  let d = '';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) if (qr.dark[y * qr.size + x] === '1') d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  }
  const side = qr.size + 2 * QUIET;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${side} ${side}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid="board-qr">
      <rect width={side} height={side} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
