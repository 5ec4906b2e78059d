export { qrMatrix } from "./qr-matrix";
export { QrCode } from "./qr-code";
