// A link that leaves an embedded lesson opens the full app (#11): the address it gets, from what the
// embed's router writes, never carries the embed flag and never points at the host page.
import { describe, expect, it } from 'vitest'
import { appHref } from '../../web/src/embed/appHref'

describe('appHref', () => {
  it('an iframe: the frame’s address with the route, without ?embed=1 and its options', () => {
    const frame = 'https://lab.example/app/index.html?embed=1&share=0#/step-by-step-222?v=1'
    expect(appHref('#/step-by-step-222/answer-key?v=1&exseed=7', frame)).toBe(
      'https://lab.example/app/index.html#/step-by-step-222/answer-key?v=1&exseed=7',
    )
  })

  it('a <backprop-lesson> element: the app’s own address as its router wrote it, not the host page’s', () => {
    const host = 'https://course.example/week3.html?unit=2#part-b'
    expect(appHref('https://lab.example/app/#/glossary', host)).toBe(
      'https://lab.example/app/#/glossary',
    )
  })
})
