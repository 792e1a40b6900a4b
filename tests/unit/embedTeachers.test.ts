// The pure parts of #17: the pasted embed code, the embed options, the element's CSS rewrite and the
// SCORM manifest. Expected values are written out here by hand.
import { describe, expect, it } from 'vitest'
import { readEmbedOptions, optionsFromSearch, sectionClasses } from '../../web/src/embed/options'
import { elementSnippet, frameId, iframeSnippet } from '../../web/src/embed/snippet'
import { mediaToContainer, remToVar } from '../../web/vite/elementCss'
// @ts-expect-error plain ESM script without types
import { manifest } from '../../scripts/scorm-package.mjs'

describe('embed code', () => {
  it('names the frame in the resize listener, allows clipboard-write and escapes the title', () => {
    const code = iframeSnippet(
      'https://h/p/?embed=1#/a?x=1&y=2',
      'A "b" <c>',
      'backprop-lab-abc123',
    )
    expect(code).toContain('id="backprop-lab-abc123"')
    expect(code).toContain('src="https://h/p/?embed=1#/a?x=1&amp;y=2"')
    expect(code).toContain('title="Backprop Lab: A &quot;b&quot; &lt;c&gt;"')
    expect(code).toContain('allow="clipboard-write"')
    expect(code).toContain("document.getElementById('backprop-lab-abc123')")
    expect(code).toContain("d.type==='backprop-lab:resize'")
  })
  it('makes ids of six base-36 characters that differ between calls', () => {
    expect(frameId(() => 0)).toBe('backprop-lab-000000')
    expect(frameId(() => 0.5)).toBe(`backprop-lab-${(36 ** 6 / 2).toString(36)}`)
    expect(frameId()).toMatch(/^backprop-lab-[0-9a-z]{6}$/)
  })
  it('writes the custom element on one line with its state and options', () => {
    expect(
      elementSnippet('https://h/backprop-lesson.js', 'chain-rule', 'v=1&lr=0.1', { answers: '0' }),
    ).toBe(
      '<script type="module" src="https://h/backprop-lesson.js"></script><backprop-lesson lesson="chain-rule" state="v=1&amp;lr=0.1" answers="0"></backprop-lesson>',
    )
  })
})

describe('embed options', () => {
  it('defaults to everything shown', () => {
    expect(optionsFromSearch('?embed=1')).toEqual({
      answers: true,
      share: true,
      sections: null,
      fixed: false,
    })
  })
  it('reads answers=0, share=no, fixed=1 and known sections, ignoring unknown names', () => {
    const o = optionsFromSearch(
      '?embed=1&answers=0&share=no&fixed=1&sections=diagram,,bogus,Derivation',
    )
    expect(o).toEqual({
      answers: false,
      share: false,
      sections: ['diagram', 'derivation'],
      fixed: true,
    })
    expect(sectionClasses(o)).toEqual([
      'embed-sections',
      'embed-hide-notation',
      'embed-hide-intro',
      'embed-hide-controls',
      'embed-hide-guide',
      'embed-hide-chart',
      'embed-hide-check',
      'embed-hide-numbers',
      'embed-hide-exercises',
    ])
  })
  it('keeps the default for unreadable values', () => {
    const attrs: Record<string, string> = { answers: 'maybe', sections: 'nothing-known' }
    expect(readEmbedOptions((n) => attrs[n] ?? null)).toMatchObject({
      answers: true,
      sections: null,
    })
  })
})

describe('element CSS', () => {
  it('turns rem into the root’s own size and leaves other units alone', () => {
    expect(remToVar('0.5rem 1rem')).toBe(
      'calc(0.5 * var(--bl-rem, 16px)) calc(1 * var(--bl-rem, 16px))',
    )
    expect(remToVar('minmax(8.5rem, 1fr)')).toBe('minmax(calc(8.5 * var(--bl-rem, 16px)), 1fr)')
    expect(remToVar('1.5em 3px')).toBe('1.5em 3px')
    expect(remToVar('url("a.rem")')).toBe('url("a.rem")')
  })
  it('turns width media queries into container queries, not print or preferences', () => {
    expect(mediaToContainer('(max-width: 900px)')).toBe('(max-width: 900px)')
    // rem in a container query would be the host page's root size: written out at 16 px each
    expect(mediaToContainer('screen and (min-width: 40rem)')).toBe('(min-width: 640px)')
    expect(mediaToContainer('(max-width: 47.5rem)')).toBe('(max-width: 760px)')
    expect(mediaToContainer('print')).toBeNull()
    expect(mediaToContainer('(prefers-reduced-motion: reduce)')).toBeNull()
  })
})

describe('SCORM manifest', () => {
  it('has one SCO per lesson and the app as a shared asset', () => {
    const xml: string = manifest(
      [
        { id: 'a', title: 'A & B' },
        { id: 'b', title: 'B' },
      ],
      ['index.html', 'assets/x.js'],
    )
    expect(xml).toContain('<schemaversion>1.2</schemaversion>')
    expect(xml.match(/adlcp:scormtype="sco"/g)).toHaveLength(2)
    expect(xml).toContain('href="sco/a.html"')
    expect(xml).toContain('<title>A &amp; B</title>')
    expect(xml).toContain('<file href="assets/x.js"/>')
    expect(xml.match(/<dependency identifierref="app"\/>/g)).toHaveLength(2)
  })
})
