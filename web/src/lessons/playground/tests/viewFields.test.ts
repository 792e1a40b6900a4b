// The playground's view in its link: each toggle round-trips, only changed ones are written, and a
// class the add-a-point select offers (up to class 7) is one the link accepts.
import { describe, expect, it } from 'vitest'
import { decodeLink, encodeLink } from '../../../links/codec'
import { PLAYGROUND_VIEW } from '../viewFields'

const { schema, own } = PLAYGROUND_VIEW

describe('playground view link', () => {
  it('writes nothing for the defaults and round-trips every toggle', () => {
    expect(encodeLink(schema, own, own)).toBe('')
    const view = {
      showTest: true,
      discretize: true,
      clickMode: 'pick' as const,
      addClass: 7,
      mapLayer: 2,
      mapUnit: 3,
    }
    const q = encodeLink(schema, view, own)
    expect(q).toBe('v=1&tst=1&disc=1&click=pick&cls=7&map=2&unit=3')
    expect(decodeLink(schema, q, own)).toMatchObject({ state: view, notices: [] })
  })

  it('drops what no control can show, with a notice, and keeps the rest', () => {
    const d = decodeLink(schema, 'v=1&disc=yes&cls=8&map=7&tst=1', own)
    expect(d.state).toEqual({ ...own, showTest: true })
    expect(d.notices.map((n) => n.text)).toHaveLength(3)
  })
})
