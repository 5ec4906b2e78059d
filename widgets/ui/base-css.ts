/**
 * The stylesheet every widget starts from: a reset that host CSS cannot bend, the theme tokens,
 * focus ring, reduced motion and RTL-safe (logical) spacing. Append a widget's own rules to it.
 *
 * Theming: set these on the slot (or `body`) in the shop's CSS; they cross the shadow boundary.
 * `--sk-color-text`, `--sk-color-bg`, `--sk-color-accent`, `--sk-color-accent-text`,
 * `--sk-color-muted` (colours; light and dark defaults meet WCAG AA), `--sk-radius`, `--sk-font`,
 * `--sk-space` (base gap) and `--sk-z` (pop-up stacking). Parts: `::part(card)` and friends.
 */
// The host page's own rules beat `:host` rules in the cascade (css-scoping: outer context wins),
// so a theme's `* { letter-spacing: 3px }` still reaches the host element. `:host { all: initial }`
// covers the rest; the wrapper `.w` resets every inherited property again. A text-decoration on the
// host or above is not inherited but drawn through in-flow descendants, and stops only at atomic
// inlines (https://drafts.csswg.org/css-text-decor-3/#line-decoration): so `.w` is a top-aligned
// inline-block, and the host's line-height is pinned to 0 (an important `:host` rule wins over the
// page) so its strut adds no height. Private tokens (--t, --b, ...) hold the default for the
// active scheme, so a shop's --sk-* value wins in both schemes. Dark applies under
// `prefers-color-scheme` unless `.light` forces it off.
const DARK = "--t:var(--sk-color-text,#ececec);--b:var(--sk-color-bg,#1f1f1f);--a:var(--sk-color-accent,#8ab4f8);--at:var(--sk-color-accent-text,#1f1f1f);--m:var(--sk-color-muted,#b4b4b4)";

export const BASE_CSS =
  ":host{all:initial;display:block;line-height:0!important}:host([hidden]){display:none}*{box-sizing:border-box}" +
  ".w{--t:var(--sk-color-text,#1f1f1f);--b:var(--sk-color-bg,#fff);--a:var(--sk-color-accent,#0b57d0);--at:var(--sk-color-accent-text,#fff);--m:var(--sk-color-muted,#5e5e5e);--s:var(--sk-space,12px);--r:var(--sk-radius,8px);" +
  "font:14px/1.45 var(--sk-font,system-ui,sans-serif);color:var(--t);background:var(--b);letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-align:start;text-shadow:none;white-space:normal;visibility:visible;cursor:auto;-webkit-text-fill-color:currentcolor;-webkit-text-stroke:0;word-break:normal;overflow-wrap:normal;hyphens:manual;display:inline-block;width:100%;vertical-align:top}" +
  `@media (prefers-color-scheme:dark){.w:not(.light){${DARK}}}.dark{${DARK}}` +
  "h2{font-size:18px;margin:0 0 var(--s)}p,ul{margin:0;padding:0;list-style:none}" +
  "a{color:var(--a)}button,input,select,textarea{font:inherit;color:inherit;background:none;border:1px solid var(--m);border-radius:var(--r);padding:4px 10px;min-height:32px}" +
  "button{cursor:pointer}.p{background:var(--a);color:var(--at);border-color:var(--a)}" +
  // The ring lies on whatever is behind the control: the shadow puts a band of the widget's
  // background on both sides of the offset outline, so it contrasts with any page (WCAG 1.4.11).
  // Forced colours drop the shadow and keep the outline.
  ":focus-visible{outline:2px solid var(--a);outline-offset:2px;box-shadow:0 0 0 6px var(--b)}.mu{color:var(--m)}" +
  // Text that takes focus only from script (a dialog's question, a panel's heading) is no control.
  "[tabindex='-1']:focus-visible{outline:0;box-shadow:none}" +
  ".sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
  "@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}";
