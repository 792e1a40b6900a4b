// Vite config for the app in web/. `npm start` serves it, `npm run build` writes ../dist.
// Vitest has its own config at the repository root (vitest.config.ts).
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

/** The policy the app must run under (TOOLCHAIN.md); `vite preview` sends it so e2e tests catch violations. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
].join('; ')

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: dist/ works from any sub-path.
  base: './',
  plugins: [vue()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // Keep every asset a file: inlined `data:` fonts (KaTeX) would be blocked by the CSP.
    assetsInlineLimit: 0,
    // Top-level await (engine loading) and modern syntax without transpiling.
    target: 'es2022',
  },
  worker: { format: 'es' },
  preview: {
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
})
