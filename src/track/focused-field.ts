/**
 * The element that has focus, looked for inside open shadow roots (widgets live in them, and for
 * a focus inside one the document only names its host).
 * @example focusedElement(document)?.focus() // later: give focus back where it was
 */
export const focusedElement = (doc: Document): Element | null => {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};

/**
 * The field the visitor is typing in, if any: an input, text area, select or editable element,
 * inside shadow roots too. A focused iframe counts as a field, because payment and address forms
 * are often embedded that way and their fields are invisible here.
 * @example if (focusedField(document)) return; // wait: the visitor is typing
 */
export const focusedField = (doc: Document): Element | undefined => {
  const el = focusedElement(doc);
  return el && (/^(INPUT|TEXTAREA|SELECT|IFRAME)$/.test(el.tagName) || (el as HTMLElement).isContentEditable) ? el : undefined;
};
