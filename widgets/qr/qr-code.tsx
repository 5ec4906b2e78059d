import { qrMatrix } from "./qr-matrix";

/**
 * An `<svg role="img">` QR code of `text` with a 4-module quiet zone, dark modules drawn as one
 * `<path>` coloured by CSS (`.qr path`); null when the text is too long for version 10.
 * @example <QrCode text="https://wa.me/923001234567" label="Scan to chat on WhatsApp" />
 */
export const QrCode = ({ text, label }: { text: string; label: string }) => {
  const m = qrMatrix(text);
  if (!m) return null;
  let d = "";
  // One rectangle per horizontal run of dark modules keeps the path short.
  m.forEach((row, y) => {
    for (const { 0: run, index: x } of row.join("").matchAll(/1+/g)) d += `M${x! + 4} ${y + 4}h${run.length}v1h-${run.length}z`;
  });
  const s = m.length + 8;
  return (
    <svg class="qr" part="qr" viewBox={`0 0 ${s} ${s}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <path d={d} />
    </svg>
  );
};
