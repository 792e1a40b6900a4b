// The Content-Security-Policy the app and the embed run under (README, "Hosting and embedding").
// Plain JS so that web/vite.config.ts, scripts/static-server.mjs and the e2e tests share one copy.
// 'unsafe-inline' styles are for KaTeX's inline styles and the custom element's shadow-root <style>s;
// scripts stay strict ('wasm-unsafe-eval' only allows compiling WebAssembly).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data:",
  "worker-src 'self' blob:",
].join('; ')
