import { BASE_CSS } from "../ui/base-css";

/**
 * Base styles plus the survey dialog: bottom inline-end card on desktop (bottom-left in RTL),
 * a bottom sheet under 480px, a short entrance that reduced motion turns off.
 */
export const SURVEY_CSS =
  BASE_CSS +
  // The highest z-index there is: chat launchers take it too, and a modal the visitor must be
  // able to answer or close cannot sit under one. The later element wins a tie, and the survey's
  // host is appended when it opens.
  ".bd{position:fixed;inset:0;z-index:var(--sk-z,2147483647);display:flex;align-items:end;justify-content:end;padding:16px}" +
  // A transparent border is drawn in forced colours, which drop the shadow: the dialog keeps its edge.
  ".dl{position:relative;background:var(--b);width:min(380px,100%);max-height:90vh;overflow:auto;padding:20px;border:1px solid transparent;border-radius:var(--r);box-shadow:0 4px 24px #0005;animation:sk-in .2s ease-out}" +
  "@keyframes sk-in{from{opacity:0;transform:translateY(16px)}}" +
  "@media (max-width:480px){.bd{padding:0}.dl{width:100%;border-end-start-radius:0;border-end-end-radius:0}}" +
  // The title leaves room for the close button (32px) and a gap.
  ".x{position:absolute;inset-block-start:4px;inset-inline-end:4px;border:0;width:32px}#skt{padding-inline-end:36px}" +
  "fieldset{border:0;padding:0;margin:0}legend,.q{display:block;font-weight:600;padding:0;margin-block-end:10px;padding-inline-end:24px}" +
  ".sc{display:flex;gap:4px}.sc button{flex:1;min-width:0;padding:4px 0}" +
  ".e{display:flex;justify-content:space-between;font-size:12px;margin-block-start:6px}" +
  "label:not(.q){display:flex;gap:8px;align-items:center;padding-block:4px}" +
  "textarea{width:100%;min-height:80px;padding:8px}" +
  ".n{margin-block-start:12px}";
