// The playground reads, replaces and names one parameter by its key (hand-written 2-2-1 parameters).
import { describe, expect, it } from 'vitest'
import { paramName, paramValue, withParam } from '../../web/src/lessons/playground/paramValue'

const params = {
  weights: [
    [
      [0.1, -0.2],
      [0.3, 0.4],
    ],
    [[0.5, -0.6]],
  ],
  biases: [[0.7, -0.8], [0.9]],
}

describe('paramValue', () => {
  it('reads weights W{l}[j][i] and biases b{l}[j]', () => {
    expect(paramValue(params, 'W1[0][1]')).toBe(-0.2)
    expect(paramValue(params, 'W1[1][0]')).toBe(0.3)
    expect(paramValue(params, 'W2[0][1]')).toBe(-0.6)
    expect(paramValue(params, 'b1[1]')).toBe(-0.8)
    expect(paramValue(params, 'b2[0]')).toBe(0.9)
    for (const bad of ['W3[0][0]', 'W1[2][0]', 'W1[0][2]', 'b2[1]', 'z1[0]', 'nonsense', 'W1[0]'])
      expect(paramValue(params, bad)).toBeNull()
    expect(paramValue(null, 'b1[0]')).toBeNull()
  })
  it('replaces one value in a copy', () => {
    const next = withParam(params, 'W2[0][0]', -1.25)!
    expect(next.weights[1][0]).toEqual([-1.25, -0.6])
    expect(params.weights[1][0]).toEqual([0.5, -0.6])
    expect(withParam(params, 'b1[0]', 2)!.biases).toEqual([[2, -0.8], [0.9]])
    expect(withParam(params, 'b5[0]', 2)).toBeNull()
  })
  it('names parameters in words', () => {
    const layers = [2, 2, 1]
    expect(paramName('W1[1][0]', layers, ['x₁', 'x₂'])).toBe(
      'weight from x₁ to neuron 2 of hidden layer 1',
    )
    expect(paramName('W2[0][1]', layers, ['x₁', 'x₂'])).toBe(
      'weight from neuron 2 of hidden layer 1 to the output',
    )
    expect(paramName('b2[0]', layers, [])).toBe('bias of the output')
    expect(paramName('b1[2]', [2, 3], [])).toBe('bias of the class 2 output')
  })
})
