// Ambient types for the app: Vite's client types (`?url`, `import.meta.env`, `import.meta.glob`) and `.vue` files.
/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare module '*?url' {
  const url: string
  export default url
}

// The Emscripten output is built by scripts/build-engine.sh into a git-ignored folder; this lets the app
// type-check before the first engine build. The factory's real shape is in engine/engineModule.ts.
declare module '*/generated/nn.mjs' {
  const createModule: unknown
  export default createModule
}
declare module '*/generated/nn-nosimd.mjs' {
  const createModule: unknown
  export default createModule
}
