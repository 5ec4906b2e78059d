/**
 * True when the browser sends Global Privacy Control (`navigator.globalPrivacyControl === true`,
 * https://privacycg.github.io/gpc-spec/): outgoing sinks stay off unless the shop opts out.
 * @example if (hasGlobalPrivacyControl(navigator)) console.log("no events leave this browser");
 */
export function hasGlobalPrivacyControl(nav: Navigator | undefined): boolean {
  try {
    return (nav as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl === true;
  } catch {
    // A hostile or broken getter reads as "not set": the shop's own configuration decides.
    return false;
  }
}
