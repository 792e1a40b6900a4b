// The README tells a newcomer the truth about the layout and about Copy embed code (newcomer's report: a
// composable that did not exist, nine folders of web/src missing, and an embed example that was not what
// the button gives). Read from the files, so a new folder or a changed snippet fails here.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { iframeSnippet } from '../../web/src/embed/snippet'

const root = new URL('../../', import.meta.url)
const readme = readFileSync(new URL('README.md', root), 'utf8')
const tree = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('### Front-end'))
const folders = (path: string) =>
  readdirSync(new URL(path, root), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'generated')
    .map((d) => d.name)

describe('README.md', () => {
  it('names every folder of web/, web/src/, web/src/components/ and tests/ in the layout tree', () => {
    const all = ['web/', 'web/src/', 'web/src/components/', 'tests/'].flatMap(folders)
    const missing = all.filter((name) => !new RegExp(`^ +${name}/( |$)`, 'm').test(tree))
    expect(missing).toEqual([])
    // and names nothing that is not there
    expect(tree).not.toContain('useUrlState')
    for (const name of tree.matchAll(/^ {4}(\w+)\/ /gm))
      expect(folders('web/src/'), name[1]).toContain(name[1])
  })

  it('shows what Copy embed code gives, as web/src/embed/snippet.ts writes it', () => {
    const block = /Copy embed code\*\* gives[^]*?```text\n([^]*?)\n```/.exec(readme)?.[1]
    const src = /src="([^"]+)"/.exec(block ?? '')?.[1].replace(/&amp;/g, '&')
    const id = /id="([^"]+)"/.exec(block ?? '')?.[1]
    expect(src).toMatch(/^https:\/\/host\/path\/\?embed=1#\/step-by-step-222\?v=1&exseed=\d+$/)
    expect(block).toBe(iframeSnippet(src!, 'The classic 2-2-2 walk-through', id!))
  })

  it('points to where a new lesson and a new chart go', () => {
    expect(readme).toContain('web/src/lessons/README.md')
    expect(readme).toContain('web/src/components/charts/')
    expect(readFileSync(new URL('web/src/lessons/README.md', root), 'utf8')).toContain(
      'A new lesson touches exactly',
    )
  })
})
