// CSV import of the learner's own points: a good file, a header, and bad lines named one by one while
// every good line is kept.
import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../csv'

describe('parseCsv', () => {
  it('reads a good file with a header, Windows line ends, quotes and , ; or tab separators', () => {
    const points = [
      { x1: 1.5, x2: -2, label: 1 },
      { x1: -3, x2: 0.5, label: 0 },
      { x1: 0.25, x2: 4, label: 2 },
    ]
    for (const sep of [',', ';', '\t']) {
      const text = `x1${sep}x2${sep}label\r\n1.5${sep}-2${sep}1\r\n"-3"${sep}0.5${sep}0\r\n\r\n0.25${sep}4${sep}2\r\n`
      expect(parseCsv(text)).toEqual({ points, problems: [] })
    }
  })

  it('skips comment and blank lines but still counts them in line numbers', () => {
    const r = parseCsv('# my points\n1,1,1\n\n2,2\n')
    expect(r.points).toEqual([{ x1: 1, x2: 1, label: 1 }])
    expect(r.problems).toEqual(['Line 4: expected 3 values (x1, x2, label), got 2.'])
  })

  it('names each bad line and why, and keeps every good line', () => {
    const text = [
      'x1,x2,label',
      '1,1,1',
      '2,abc,0',
      '3,3',
      '9,0,1',
      '-1,-1,0',
      '1e999,0,1',
      '=cmd(),0,1',
    ].join('\n')
    const r = parseCsv(text)
    expect(r.points).toEqual([
      { x1: 1, x2: 1, label: 1 },
      { x1: -1, x2: -1, label: 0 },
    ])
    expect(r.problems).toEqual([
      'Line 3: “abc” is not a number.',
      'Line 4: expected 3 values (x1, x2, label), got 2.',
      'Line 5: x1 and x2 must lie between −6 and 6.',
      'Line 7: “1e999” is not a number.',
      'Line 8: “=cmd()” is not a number.',
    ])
  })

  it('round-trips through toCsv', () => {
    const pts = [
      { x1: 0.001, x2: -5.999, label: 0 },
      { x1: 2, x2: 3, label: -0.25 },
    ]
    expect(parseCsv(toCsv(pts))).toEqual({ points: pts, problems: [] })
  })

  it('reads nothing from an empty or oversized file', () => {
    expect(parseCsv('')).toEqual({ points: [], problems: [] })
    expect(parseCsv('1,1,1\n'.repeat(400_000)).points).toEqual([])
  })
})
