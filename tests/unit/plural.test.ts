// The one plural helper behind every counted noun on screen (a newcomer read "1 updates").
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import stepByStep from '../../web/src/lessons/step-by-step-222/lesson'
import { decodeWorked, workedBase } from '../../web/src/links/workedLink'
import { grouped, plural, pluralWord } from '../../web/src/math/plural'
import { reluVerdict } from '../../web/src/math/reluHealth'

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

describe('every counted noun goes through the helper', () => {
  it('no hand-made plural (n === 1 ? "" : "s", n > 1 ? "s" : "") is left in web/src', () => {
    const root = fileURLToPath(new URL('../../web/src/', import.meta.url))
    const handMade = /(===|!==) 1 \? '' : 's'|(>|!==) 1 \? 's' : ''|=== 1 \? '' : `s`/
    const found: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (name === 'generated') continue
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(ts|vue)$/.test(name) && name !== 'plural.ts')
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, k) => {
              if (handMade.test(line)) found.push(`${relative(root, path)}:${k + 1}`)
            })
      }
    }
    walk(root)
    expect(found).toEqual([])
  })

  it('the worked-example link says "there is only 1 sample", not "1 samples"', () => {
    const classic = workedBase(stepByStep.spec, 'W2[0][0]')
    expect(classic.spec.inputs).toHaveLength(1)
    const texts = decodeWorked('v=1&bs=2', classic).notices.map((n) => n.text)
    expect(texts).toContain('The batch size was ignored: there is only 1 sample.')
  })

  it('the dead-ReLU line agrees with its count', () => {
    const one = reluVerdict({
      deadLayer: null,
      deadCount: 1,
      units: [['dead', 'active']],
      allActive: false,
    })
    expect(one).toContain(
      '1 dead ReLU unit (layer 1: unit 1): z ≤ 0 on every sample, so it outputs 0 and passes back',
    )
  })
})

describe('grouped', () => {
  it('writes counts with en-US thousands separators, as toLocaleString did', () => {
    expect(grouped(0)).toBe('0')
    expect(grouped(999)).toBe('999')
    expect(grouped(2000)).toBe('2,000')
    expect(grouped(1234567)).toBe('1,234,567')
    expect(grouped(-1500)).toBe('-1,500')
    // three decimals at most, rounded
    expect(grouped(1234.5678)).toBe('1,234.568')
    expect(plural(12000, 'update', undefined, { grouped: true })).toBe('12,000 updates')
    for (const n of [0, 1, -3, 999, 1000, 12345.6789, 1e7, -2.5e9, 0.0004])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'))
  })
})
