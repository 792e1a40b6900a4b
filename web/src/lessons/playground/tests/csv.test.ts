// CSV import of the learner's own points: a good file, a header, and bad lines named one by one while
// every good line is kept.
import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../csv'

describe('parseCsv', () => {
  it('reads a good file with a header, Windows line ends and ; or tab separators', () => {
    const r = parseCsv('x1,x2,label\r\n1.5,-2,1\r\n-3;0.5;0\n0.25\t4\t2\n\n')
    expect(r.problems).toEqual([])
    expect(r.points).toEqual([
      { x1: 1.5, x2: -2, label: 1 },
      { x1: -3, x2: 0.5, label: 0 },
      { x1: 0.25, x2: 4, label: 2 },
    ])
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
