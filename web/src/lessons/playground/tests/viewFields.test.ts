// The playground's view in its link: each toggle round-trips, only changed ones are written, and a
// class the add-a-point select offers (up to class 7) is one the link accepts.
import { describe, expect, it } from 'vitest'
import { decodeLink, encodeLink } from '../../../links/codec'
import { DERIVATION_VIEW, NO_DERIVATION, PLAYGROUND_VIEW } from '../viewFields'

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

  it('round-trips the derivation open and refuses what is no weight or bias, naming it', () => {
    const q = encodeLink(DERIVATION_VIEW, { sel: 'W2[0][1]', pt: 5 }, NO_DERIVATION)
    expect(q).toBe('v=1&sel=W2%5B0%5D%5B1%5D&pt=5')
    expect(decodeLink(DERIVATION_VIEW, q, NO_DERIVATION)).toMatchObject({
      state: { sel: 'W2[0][1]', pt: 5 },
      notices: [],
    })
    expect(encodeLink(DERIVATION_VIEW, NO_DERIVATION, NO_DERIVATION)).toBe('')
    const d = decodeLink(DERIVATION_VIEW, 'sel=x1&pt=0', NO_DERIVATION)
    expect(d.state).toEqual(NO_DERIVATION)
    expect(d.notices.map((n) => n.text)).toEqual([
      'Ignored the link’s derivation shown: “x1” is not a weight (W2[0][1]) or a bias (b1[3]).',
      expect.stringContaining('training point of the derivation'),
    ])
  })
})
