// Setup for the `components` project (happy-dom). happy-dom lacks `document.compatMode`, and KaTeX then
// warns that the page is in quirks mode; a standards-mode page says 'CSS1Compat'.
if (!('compatMode' in document) || document.compatMode !== 'CSS1Compat') {
  Object.defineProperty(document, 'compatMode', { value: 'CSS1Compat', configurable: true })
}
// happy-dom's IntersectionObserver is a stub that never calls back: an element it watches would never
// be on screen, and a run that waits to be seen (useTrainingLoop's autoStart) would never start. Without
// one, components/visibility.ts counts every element as on screen, as a page whose reader sees it all.
Reflect.deleteProperty(globalThis, 'IntersectionObserver')
