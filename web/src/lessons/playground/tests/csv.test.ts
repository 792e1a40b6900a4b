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
      expect(parseCsv(text)).toEqual({
        points,
        problems: [],
        labels: '3 classes from column label: 0, 1, 2.',
      })
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
    expect(parseCsv(toCsv(pts)).points).toEqual(pts)
  })

  it('reads nothing from an empty or oversized file', () => {
    expect(parseCsv('')).toEqual({ points: [], problems: [], labels: '' })
    expect(parseCsv('1,1,1\n'.repeat(400_000)).points).toEqual([])
  })

  it('reads ±1 labels (TensorFlow Playground) as two classes and says so', () => {
    const r = parseCsv('x,y,label\n1,2,1\n-1,-2,-1\n3,3,+1\n')
    expect(r.points.map((p) => p.label)).toEqual([1, 0, 1])
    expect(r.labels).toBe(
      '2 classes from column label: −1 is class 0 (orange), +1 is class 1 (blue).',
    )
  })

  it('reads 0/1, class numbers, one-hot columns and other numbers, each said in words', () => {
    expect(parseCsv('1,1,0\n2,2,1\n').labels).toBe('2 classes from column 3: 0, 1.')
    expect(parseCsv('1,1,0\n2,2,2\n').labels).toBe(
      '3 classes from column 3: 0, 1, 2. No point is in class 1.',
    )
    expect(parseCsv('1,1,0.5\n2,2,-0.25\n').labels).toBe(
      'Numbers from −0.25 to 0.5 in column 3: not class numbers 0…7, so they are fitted as numbers (regression).',
    )
    const hot = parseCsv('x1,x2,a,b,c\n1,1,0,0,1\n2,2,1,0,0\n3,3,0,1,0\n4,4,0,1,1\n5,5,1\n')
    expect(hot.points.map((p) => p.label)).toEqual([2, 0, 1])
    expect(hot.labels).toBe('3 classes from the one-hot columns a, b, c: 0, 1, 2.')
    expect(hot.problems).toEqual([
      'Line 5: the 3 label columns are not one-hot (one 1, the rest 0).',
      'Line 6: expected 5 values (x1, x2 and 3 one-hot label columns, as on the first line), got 3.',
    ])
  })

  it('names the first five bad lines of 10,000 and counts the rest', () => {
    const r = parseCsv(['x1,x2,label', ...Array.from({ length: 10_000 }, () => 'a,b,c')].join('\n'))
    expect(r.points).toEqual([])
    expect(r.problems).toHaveLength(6)
    expect(r.problems[0]).toBe('Line 2: “a” is not a number.')
    expect(r.problems[5]).toBe('… and 9,995 more lines were skipped.')
  })
})
