// Vite config for the app in web/. `npm start` serves it; `npm run build` runs three modes into ../dist:
//   (default)    the static site: index.html + assets/ (works from any static server or sub-path)
//   singlefile   backprop-lab.html: one self-contained file (scripts, styles, fonts, .wasm inlined) for file://
//   element      backprop-lesson.js: the <backprop-lesson> custom element, one module script for any page
// Vitest has its own config at the repository root (vitest.config.ts).
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type UserConfig } from 'vite'
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa'
import { viteSingleFile } from 'vite-plugin-singlefile'
import { contentSecurityPolicy } from './vite/csp.mjs'
import { elementCss } from './vite/elementCss.ts'
import { elementPlainCss, katexWoff2Only, licenseNotices } from './vite/plugins.ts'

/** The policy the app and the embed run under; `vite preview` and the e2e servers send it. */
export { contentSecurityPolicy }

const webRoot = fileURLToPath(new URL('.', import.meta.url))
const outDir = fileURLToPath(new URL('../dist', import.meta.url))

/**
 * The service worker of the site edition (web/src/offline/offline.ts): Workbox, through vite-plugin-pwa,
 * precaches every file the site needs on the first visit (both .wasm builds, every lesson's chunk, the
 * KaTeX fonts), serves index.html for every navigation (`?embed=1`, a reload), and waits for the learner
 * to accept a new version. The other editions get the same virtual module as a no-op (`disable`).
 */
const offline = (enabled: boolean) =>
  VitePWA({
    disable: !enabled,
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,css,wasm,woff2,txt}'],
      // Other editions (written by the later build modes) and the LMS package are not part of the site.
      globIgnores: ['backprop-lab.html', 'backprop-lesson.js', 'scorm/**'],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/backprop-lab\.html$/, /\.zip$/],
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      // The first visit's page is controlled at once (so it works offline without a reload); a later
      // version waits for the learner's Reload (registerType 'prompt').
      clientsClaim: true,
    },
  } satisfies Partial<VitePWAOptions>)

export default defineConfig(({ mode }): UserConfig => {
  const shared: UserConfig = {
    root: webRoot,
    // Relative asset URLs: dist/ works from any sub-path.
    base: './',
    worker: { format: 'es' },
    // The dev server pre-bundles what the app imports, found from index.html only: public/'s
    // element-example.html imports the built element, which `npm start` does not build, and the
    // scan's warning about it made newcomers think the start had failed.
    optimizeDeps: { entries: ['index.html'] },
    preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  }
  const build = {
    outDir,
    // Modern syntax without transpiling (top-level await in the engine loader).
    target: 'es2022',
    reportCompressedSize: false,
    // The budget (scripts/budget.mjs) reports sizes; rolldown's plugin-timing notes are noise here.
    rolldownOptions: { checks: { pluginTimings: false } },
  }

  if (mode === 'singlefile') {
    return {
      ...shared,
      define: { 'import.meta.env.VITE_EDITION': JSON.stringify('single-file') },
      plugins: [
        katexWoff2Only(),
        vue(),
        viteSingleFile({ outputFileName: 'backprop-lab.html' }),
        licenseNotices({ outDir, merge: true }),
        offline(false),
      ],
      build: { ...build, emptyOutDir: false, copyPublicDir: false },
    }
  }

  if (mode === 'element') {
    return {
      ...shared,
      define: { 'import.meta.env.VITE_EDITION': JSON.stringify('element') },
      // rem → the element's own root size, width media queries → container queries (vite/elementCss.ts).
      css: { postcss: { plugins: [elementCss()] } },
      // Every SFC compiles in custom-element mode, so its styles go into the element's shadow root.
      plugins: [
        katexWoff2Only(),
        elementPlainCss(`${webRoot}src/`),
        vue({ customElement: true }),
        licenseNotices({ outDir, merge: true }),
        offline(false),
      ],
      resolve: {
        // The element adds KaTeX's rules to its shadow root and its @font-face rules to the page
        // (embed/element.ts); the plain import in MathFormula.vue would only emit an unused .css file.
        alias: [
          { find: /^katex\/dist\/katex\.min\.css$/, replacement: `${webRoot}vite/empty.css` },
        ],
      },
      build: {
        ...build,
        emptyOutDir: false,
        copyPublicDir: false,
        assetsInlineLimit: 0,
        // One file by design (one script tag on any page), measured at 1,173 kB (Vue, KaTeX, Chart.js and
        // every lesson): warn only when it grows past that, not at Vite's 500 kB meant for split apps.
        chunkSizeWarningLimit: 1200,
        rolldownOptions: {
          ...build.rolldownOptions,
          input: { 'backprop-lesson': `${webRoot}src/embed/element.ts` },
          // One file: the engine loader's dynamic imports are inlined (the .wasm stays a file).
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            codeSplitting: false,
          },
          preserveEntrySignatures: 'strict',
        },
      },
    }
  }

  return {
    ...shared,
    define: { 'import.meta.env.VITE_EDITION': JSON.stringify('site') },
    plugins: [katexWoff2Only(), vue(), licenseNotices({ outDir, merge: false }), offline(true)],
    build: {
      ...build,
      emptyOutDir: true,
      // Keep every asset a file: fonts and .wasm load from 'self' (no data: needed) and cache.
      assetsInlineLimit: 0,
    },
  }
})
