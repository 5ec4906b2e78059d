import { BASE_CSS } from "../ui/base-css";

/**
 * Base styles plus the channel list, the floating button and its panel (logical properties, so RTL
 * mirrors). The panel's transparent border is its edge in forced colours, which drop the shadow.
 */
export const CHANNELS_CSS =
  BASE_CSS +
  "ul{display:grid;gap:8px}li{display:flex;flex-wrap:wrap;align-items:center;gap:8px}" +
  "li .p{flex:1;text-decoration:none;text-align:start;padding:8px 12px;border-radius:var(--r)}" +
  ".mu{font-size:12px;flex-basis:100%}.qr{width:168px;background:#fff}.qr path{fill:#000}" +
  ".fc{position:fixed;z-index:var(--sk-z,2147483000);inset-block-end:16px;inset-inline-end:16px;display:flex;flex-flow:column-reverse;align-items:end;gap:8px}" +
  ".pn{background:var(--b);padding:var(--s);border:1px solid transparent;border-radius:var(--r);box-shadow:0 4px 24px #0004;width:min(320px,100vw - 32px);max-height:70vh;overflow:auto}" +
  ".fb{border-radius:24px;min-height:48px;padding-inline:18px}";
