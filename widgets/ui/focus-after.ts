/**
 * Gives focus to what follows `el` on the page, as Tab would take it, for when the control that had
 * focus went with its widget (a shelf emptied): not to `<body>`, where keyboard and screen-reader
 * users lose their place. Only elements in the Tab order (a tabIndex of 0 or more) are tried; one
 * that cannot take focus (a link without href, disabled, not rendered) refuses it, and the next one
 * is tried.
 * @example focusAfter(shelfHost)
 */
export const focusAfter = (el: Element): boolean =>
  [...document.querySelectorAll<HTMLElement>("*")].some((e) => el.compareDocumentPosition(e) & 4 && e.tabIndex >= 0 && (e.focus(), document.activeElement == e));
