// Changes of η close together are one burst (#11): ten presses of ArrowRight on the η slider during a
// run drew ten dashed lines and listed ten entries. The sequences below are written by hand; the
// bursts expected are read off them with the rule (fewer than ETA_BURST_GAP = 20 updates after the
// burst's last change joins it).
import { describe, expect, it } from 'vitest'
import {
  ETA_BURST_GAP,
  etaChangeText,
  mergeEtaChanges,
} from '../../web/src/composables/useEtaChanges'

describe('mergeEtaChanges', () => {
  it('uses a gap of 20 updates', () => expect(ETA_BURST_GAP).toBe(20))

  it('keeps a lone change as it was: η = 0.1 from update 76', () => {
    const bursts = mergeEtaChanges([
      { update: 0, eta: 0.5 },
      { update: 76, eta: 0.1 },
    ])
    expect(bursts).toEqual([{ update: 76, last: 76, from: 0.5, eta: 0.1, count: 1 }])
    expect(etaChangeText(bursts[0])).toBe('η = 0.1 from update 76')
  })

  it('makes the tester’s ten presses (updates 217 … 241) one burst from 0.0501 to 0.158', () => {
    const updates = [217, 222, 224, 226, 232, 233, 235, 236, 238, 241]
    const etas = [0.0562, 0.0631, 0.0708, 0.0794, 0.0891, 0.1, 0.112, 0.126, 0.141, 0.158]
    const bursts = mergeEtaChanges([
      { update: 0, eta: 0.0501 },
      ...updates.map((update, k) => ({ update, eta: etas[k] })),
    ])
    expect(bursts).toEqual([{ update: 217, last: 241, from: 0.0501, eta: 0.158, count: 10 }])
    expect(etaChangeText(bursts[0])).toBe('η 0.0501 → 0.158 in 10 changes during updates 217–241')
  })

  it('starts a new burst 20 or more updates after the last change, and chains closer ones', () => {
    const bursts = mergeEtaChanges([
      { update: 0, eta: 1 },
      { update: 10, eta: 2 },
      { update: 29, eta: 3 }, // 19 after 10: joins
      { update: 48, eta: 4 }, // 19 after 29: joins (a chain longer than 20)
      { update: 68, eta: 5 }, // 20 after 48: a new one
      { update: 200, eta: 6 }, // alone
    ])
    expect(bursts).toEqual([
      { update: 10, last: 48, from: 1, eta: 4, count: 3 },
      { update: 68, last: 68, from: 4, eta: 5, count: 1 },
      { update: 200, last: 200, from: 5, eta: 6, count: 1 },
    ])
    expect(etaChangeText(bursts[0], 'epoch')).toBe('η 1 → 4 in 3 changes during epochs 10–48')
    expect(etaChangeText(bursts[2], 'epoch')).toBe('η = 6 from epoch 200')
  })

  it('says a burst that came back to its start as it was: η 0.5 → 0.5 in 2 changes', () => {
    const bursts = mergeEtaChanges([
      { update: 0, eta: 0.5 },
      { update: 40, eta: 0.6 },
      { update: 41, eta: 0.5 },
    ])
    expect(etaChangeText(bursts[0])).toBe('η 0.5 → 0.5 in 2 changes during updates 40–41')
  })

  it('has nothing for a run whose η never changed after its start', () => {
    expect(mergeEtaChanges([{ update: 0, eta: 0.5 }])).toEqual([])
    expect(mergeEtaChanges([])).toEqual([])
  })
})
