// The one plural helper behind every counted noun on screen (a newcomer read "1 updates").
import { describe, expect, it } from 'vitest'
import { plural, pluralWord } from '../../web/src/math/plural'

describe('plural', () => {
  it('says 1 update, 0 updates and 2 updates', () => {
    expect(plural(1, 'update')).toBe('1 update')
    expect(plural(0, 'update')).toBe('0 updates')
    expect(plural(2, 'update')).toBe('2 updates')
    expect(plural(-1, 'point')).toBe('-1 point')
  })

  it('takes an irregular plural and groups thousands on request', () => {
    expect(plural(1, 'copy', 'copies')).toBe('1 copy')
    expect(plural(24, 'copy', 'copies')).toBe('24 copies')
    expect(plural(2000, 'update', undefined, { grouped: true })).toBe('2,000 updates')
    expect(plural(1, 'update', undefined, { grouped: true })).toBe('1 update')
  })

  it('gives the noun alone for templates that style the number apart', () => {
    expect(pluralWord(1, 'test point')).toBe('test point')
    expect(pluralWord(3, 'test point')).toBe('test points')
    expect(pluralWord(1, 'has', 'have')).toBe('has')
    expect(pluralWord(2, 'has', 'have')).toBe('have')
  })
})
