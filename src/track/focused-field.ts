/**
 * The field the visitor is typing in, if any: an input, text area, select or editable element,
 * looked for inside shadow roots too (widgets live in them). A focused iframe counts as a field,
 * because payment and address forms are often embedded that way and their fields are invisible here.
 * @example if (focusedField(document)) return; // wait: the visitor is typing
 */
export function focusedField(doc: Document): Element | undefined {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el && (/^(INPUT|TEXTAREA|SELECT|IFRAME)$/.test(el.tagName) || (el as HTMLElement).isContentEditable) ? el : undefined;
}
