// Check my work in the link (#11): its mode, quantity and typed values go into the link and come back;
// a bad value gets one notice and leaves the box as it starts; typed text is limited by LIMITS. And an
// open panel (`notationopen=1`), the same way.
import { describe, expect, it } from 'vitest'
import { decodeLink, encodeLink } from '../../web/src/links/codec'
import {
  checkLinkFields,
  checkLinkKeys,
  exerciseCheckKeys,
  predictionFields,
} from '../../web/src/links/checkLink'
import { openFields } from '../../web/src/links/disclosure'
import { LIMITS } from '../../web/src/links/limits'

const QUANTITIES = ['z1[0]', 'z1[1]', 'z2[0]', 'z2[1]', 'E']
const F = checkLinkFields('check', 'Check my work', QUANTITIES, 'z1[0]', 3)
const read = (query: string) => decodeLink(F.schema, query, F.own)

describe('Check my work in the link', () => {
  it('an untouched box writes nothing', () => {
    expect(encodeLink(F.schema, F.own, F.own)).toBe('')
    expect(encodeLink(F.schema, { ...F.own, chain: ['', ''] }, F.own)).toBe('')
  })

  it('mode, quantity and typed values read back exactly, a `;` or `%` typed included', () => {
    const state = {
      mode: 'chain' as const,
      key: 'z2[1]',
      typed: '1.2',
      others: ['0.5', '', '', '', '-2'],
      chain: ['0.1', '', '3;4%'],
    }
    const query = encodeLink(F.schema, state, F.own)
    // `[` `]` escaped by the codec; the chain's own `;` and `%` escaped inside their value
    expect(query).toBe(
      'v=1&checkmode=chain&checkq=z2%5B1%5D&checkv=1.2&checko=0.5;;;;-2&checkc=0.1;;3%253B4%2525',
    )
    const back = read(query)
    expect(back.notices).toEqual([])
    expect(back.state).toEqual(state)
  })

  it('keeps what was typed as typed (spaces, a Unicode minus)', () => {
    const state = { ...F.own, typed: ' −0.5 ' }
    expect(read(encodeLink(F.schema, state, F.own)).state).toEqual(state)
  })

  it.each([
    ['checkmode=all', /mode of Check my work: “all” is not one of one, chain/],
    ['checkq=W9', /quantity of Check my work: “W9” is not one of z1\[0\]/],
    ['checkc=1;2;3;4', /worked chain typed in Check my work: more than 3 values/],
    [
      'checko=1;2;3;4;5;6',
      /values typed for other quantities in Check my work: more than 5 values/,
    ],
    ['checkc=%25E0', /worked chain typed in Check my work: “%E0” is garbled/],
  ])('%s: one notice, and the box starts as its own', (query, notice) => {
    const d = read(`v=1&${query}`)
    expect(d.notices).toHaveLength(1)
    expect(d.notices[0].text).toMatch(notice)
    expect(d.state).toEqual(F.own)
  })

  it('typed text is limited by LIMITS.answerLength, in the value and in each chain value', () => {
    const longest = '1'.repeat(LIMITS.answerLength)
    const over = `${longest}2`
    expect(read(`checkv=${longest}`).state.typed).toBe(longest)
    expect(read(`checkc=;${longest}`).state.chain).toEqual(['', longest])
    for (const query of [`checkv=${over}`, `checkc=;${over}`]) {
      const d = read(query)
      expect(d.notices).toHaveLength(1)
      expect(d.notices[0].text).toMatch(`is longer than ${LIMITS.answerLength} characters`)
      expect(d.state).toEqual(F.own)
    }
  })

  it('each Check my work of a lesson has keys of its own', () => {
    expect(checkLinkKeys('check')).toEqual(['checkmode', 'checkq', 'checkv', 'checko', 'checkc'])
    const exercises = exerciseCheckKeys(2)
    expect(exercises).toEqual([
      'ex1mode',
      'ex1q',
      'ex1v',
      'ex1o',
      'ex1c',
      'ex1p',
      'ex2mode',
      'ex2q',
      'ex2v',
      'ex2o',
      'ex2c',
      'ex2p',
    ])
  })
})

describe('a lab’s prediction in the link', () => {
  // the learning-rate lab's one field, a choice of three rates; a second field typed (no choices)
  const P = predictionFields('ex2', 'prediction in exercise 2', [
    ['0.05', '0.45', '1.2'],
    undefined,
  ])
  const readP = (query: string) => decodeLink(P.schema, query, P.own)

  it('nothing chosen writes nothing; a choice and a typed value read back as they were', () => {
    expect(encodeLink(P.schema, P.own, P.own)).toBe('')
    expect(encodeLink(P.schema, { typed: ['0.45'] }, P.own)).toBe('v=1&ex2p=0.45')
    const state = { typed: ['1.2', '3;4 %'] }
    const query = encodeLink(P.schema, state, P.own)
    expect(query).toBe('v=1&ex2p=1.2;3%253B4%2520%2525')
    expect(readP(query)).toMatchObject({ state, notices: [] })
    // only typed, nothing chosen: the empty choice stays empty
    expect(readP('ex2p=;0.5').state).toEqual({ typed: ['', '0.5'] })
  })

  it.each([
    ['ex2p=7', /prediction in exercise 2: “7” is not one of 0\.05, 0\.45, 1\.2/],
    ['ex2p=0.45;1;2', /prediction in exercise 2: more than 2 values/],
    [`ex2p=;${'1'.repeat(LIMITS.answerLength + 1)}`, /is longer than 40 characters/],
  ])('%s: one notice, and nothing is predicted', (query, notice) => {
    const d = readP(`v=1&${query}`)
    expect(d.notices).toHaveLength(1)
    expect(d.notices[0].text).toMatch(notice)
    expect(d.state).toEqual(P.own)
  })
})

describe('an open panel in the link', () => {
  const P = openFields('notationopen', 'notation box open')
  it('open writes `<key>=1` and reads back; closed, as it starts, writes nothing', () => {
    expect(encodeLink(P.schema, { open: true }, P.own)).toBe('v=1&notationopen=1')
    expect(encodeLink(P.schema, { open: false }, P.own)).toBe('')
    expect(decodeLink(P.schema, 'v=1&notationopen=1', P.own).state).toEqual({ open: true })
  })
  it('anything but 0 or 1 gets one notice and leaves the panel closed', () => {
    const d = decodeLink(P.schema, 'v=1&notationopen=yes', P.own)
    expect(d.notices.map((n) => n.text)).toEqual([
      'Ignored the link’s notation box open: expected 0 or 1.',
    ])
    expect(d.state).toEqual({ open: false })
  })
})
