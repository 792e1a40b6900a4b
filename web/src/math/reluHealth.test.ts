// The shared dead-ReLU detector on hand-made pre-activations (#12).
import { describe, expect, it } from 'vitest'
import { reluHealth, reluVerdict } from './reluHealth'

describe('reluHealth', () => {
  it('names a unit with z ≤ 0 on every sample dead, z = 0 included', () => {
    const h = reluHealth(
      ['relu', 'sigmoid'],
      [
        [
          [-0.5, 0.2],
          [0, -0.1],
          [-2, 0.4],
        ],
        [[0.1], [0.2], [0.3]],
      ],
    )
    expect(h.units).toEqual([['dead', 'mixed'], []])
    expect(h.deadCount).toBe(1)
    expect(h.deadLayer).toBeNull()
    expect(h.allActive).toBe(false)
    expect(reluVerdict(h)).toContain('1 dead ReLU unit (layer 1: unit 1)')
  })

  it('names a network whose whole layer is dead', () => {
    const h = reluHealth(
      ['relu', 'relu', 'relu'],
      [
        [
          [0.3, -1],
          [0.2, 0.5],
        ],
        [
          [-0.1, -0.2],
          [-0.3, 0],
        ],
        [[0], [0]],
      ],
    )
    expect(h.deadLayer).toBe(2)
    expect(h.deadCount).toBe(3)
    expect(reluVerdict(h)).toMatch(/^Dead network: every ReLU unit of layer 2/)
  })

  it('calls a ReLU network active on every sample linear, and ignores other activations', () => {
    expect(reluHealth(['relu', 'sigmoid'], [[[1, 2]], [[0]]]).allActive).toBe(true)
    const t = reluHealth(['tanh', 'leaky_relu'], [[[-1]], [[-1]]])
    expect(t.deadCount).toBe(0)
    expect(t.allActive).toBe(false)
    expect(reluVerdict(t)).toBeNull()
  })
})
