import { qrMatrix } from "./qr-matrix";

/**
 * An `<svg role="img">` QR code of `text` with a 4-module quiet zone, dark modules drawn as one
 * `<path>` coloured by CSS (`.qr path`); null when the text is too long for version 10.
 * @example <QrCode text="https://wa.me/923001234567" label="Scan to chat on WhatsApp" />
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const m = qrMatrix(text);
  if (!m) return null;
  let d = "";
  m.forEach((row, y) => {
    // One rectangle per horizontal run of dark modules keeps the path short.
    for (let x = 0, run; x < row.length; x += run || 1) {
      for (run = 0; row[x + run]; ) run++;
      if (run) d += `M${x + 4} ${y + 4}h${run}v1h-${run}z`;
    }
  });
  const s = m.length + 8;
  return (
    <svg class="qr" part="qr" viewBox={`0 0 ${s} ${s}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <path d={d} />
    </svg>
  );
}
