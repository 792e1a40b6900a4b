// Setup for the `components` project (happy-dom). happy-dom lacks `document.compatMode`, and KaTeX then
// warns that the page is in quirks mode; a standards-mode page says 'CSS1Compat'.
if (!('compatMode' in document) || document.compatMode !== 'CSS1Compat') {
  Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat', configurable: true })
}
