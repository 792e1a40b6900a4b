// The <backprop-lesson> element's shadow root sees no page CSS: every stylesheet a component imports as
// plain CSS must be inlined by embed/element.ts (else embedded lessons lose it, as panels.css once was).
// Reads the sources: each plain `import '….css'` outside the app's own entry (main.ts, which loads
// styles/index.css for the site) must be imported `?inline` by element.ts, resolved to the same file.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../../web/src')
const ELEMENT = join(SRC, 'embed/element.ts')

/** Every .ts and .vue file under `dir` (no tests). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'tests' ? [] : sources(path)
    return /\.(ts|vue)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : []
  })
}
/** The app-relative paths of `file`'s CSS imports with the given query ('' for plain ones). */
function cssImports(file: string, query: '' | '?inline'): string[] {
  const pattern = /import\s+(?:\w+\s+from\s+)?'(\.[^']+\.css)(\?inline)?'/g
  return [...readFileSync(file, 'utf8').matchAll(pattern)]
    .filter((m) => (m[2] ?? '') === query)
    .map((m) => relative(SRC, resolve(dirname(file), m[1])))
}

describe('the element brings every stylesheet the components import', () => {
  it('each plain CSS import of a component is inlined by embed/element.ts', () => {
    const plain = new Set(
      sources(SRC)
        .filter((f) => f !== join(SRC, 'main.ts'))
        .flatMap((f) => cssImports(f, '')),
    )
    // what this test is for: the lessons' shared sheets are among them
    expect([...plain]).toEqual(
      expect.arrayContaining(['styles/panels.css', 'lessons/playground/playground.css']),
    )
    const inlined = new Set(cssImports(ELEMENT, '?inline'))
    expect([...plain].filter((p) => !inlined.has(p))).toEqual([])
  })
})
