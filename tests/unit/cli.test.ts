// The `backprop-lab` command as a user runs it: a real Node process on real spec files.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../../wasm/cli/backprop-lab.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'bl-cli-'))
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/reference-cases.json', import.meta.url), 'utf8'),
)
const byName = (name: string) => cases.find((c: { name: string }) => c.name === name)

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function specFile(name: string, spec: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof spec === 'string' ? spec : JSON.stringify(spec))
  return path
}

describe('backprop-lab trace', () => {
  it('prints the classic example’s trace with the PyTorch numbers', () => {
    const c = byName('classic-222')
    const r = run(['trace', specFile('classic.json', c.spec)])
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Math.abs(out.loss - c.expected.loss)).toBeLessThan(1e-15)
    expect(out.layers[1].dW[0][0]).toBeCloseTo(c.expected.layers[1].dW[0][0], 14)
    expect(out.weightsAfter[1][0][0]).toBeCloseTo(c.expected.weightsAfter[1][0][0], 14)
    for (const key of [
      'loss',
      'layers',
      'weightsAfter',
      'biasesAfter',
      'lossAfter',
      'outputsAfter',
      'losses',
    ])
      expect(out).toHaveProperty(key)
  })

  it('prints every number as the shortest text that reads back as exactly it, laid out as JavaScript does', () => {
    const c = byName('classic-222')
    // The classic spec with hand-picked weights in every layout JavaScript uses: the trace's
    // `weights` are the spec's own, so their text is known before the engine runs.
    const spec = {
      ...c.spec,
      weights: [
        [
          [0.00001, -3.5e-7],
          [0, 0],
        ],
        c.spec.weights[1],
      ],
    }
    // JSON.stringify writes -0 as 0: the second 0 becomes -0.0 in the file's text (-0, an integer, is 0).
    const text = JSON.stringify(spec).replace('[0,0]', '[0,-0.0]')
    const r = run(['trace', specFile('layouts.json', text)])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('"weights":[[[0.00001,-3.5e-7],[0,-0]],[[0.4,0.45],[0.5,0.55]]]')
    const tokens = r.stdout.match(/-?\d[\d.]*(e[-+]\d+)?/g)!
    expect(tokens.length).toBeGreaterThan(40)
    for (const token of tokens) expect(token === '-0' ? '-0' : String(Number(token))).toBe(token)

    // The classic spec as it is: the PyTorch numbers; and, with no -0 in it, the text is exactly its
    // own JSON.stringify, on one line, or with --pretty indented by two spaces.
    const compact = run(['trace', specFile('classic.json', c.spec)]).stdout
    const out = JSON.parse(compact)
    expect(compact).toBe(JSON.stringify(out) + '\n')
    expect(run(['trace', specFile('classic.json', c.spec), '--pretty']).stdout).toBe(
      JSON.stringify(out, null, 2) + '\n',
    )
    const close = (x: number, y: number) => Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y))
    const numbers = (x: unknown): number[] =>
      typeof x === 'number' ? [x] : Array.isArray(x) ? x.flatMap(numbers) : []
    const pairs = [
      [out.loss, c.expected.loss],
      ...['z', 'a', 'delta', 'dW', 'db'].flatMap((k) =>
        [0, 1].map((l) => [out.layers[l][k], c.expected.layers[l][k]]),
      ),
      [out.weightsAfter, c.expected.weightsAfter],
      [out.biasesAfter, c.expected.biasesAfter],
    ]
    for (const [got, want] of pairs) {
      expect(numbers(got)).toHaveLength(numbers(want).length)
      numbers(got).forEach((x, k) => expect(close(x, numbers(want)[k]), `${x}`).toBe(true))
    }
    // Mazur's worked example, to the digits printed in the notes.
    expect(out.loss.toFixed(9)).toBe('0.298371109')
    expect(out.weightsAfter[1][0][0].toFixed(8)).toBe('0.35891648')
  })

  it('runs --steps N and adds the loss history (10,000 steps, biases fixed: 3.5101878e-05)', () => {
    const c = byName('classic-222-10000-frozen-biases')
    const r = run(['trace', specFile('frozen.json', c.spec), '--steps', '10000', '--compact'])
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.losses).toHaveLength(10000)
    expect(
      Math.abs(out.losses[9999] - c.expected.lossesTail[4]) / c.expected.lossesTail[4],
    ).toBeLessThan(1e-12)
    expect(out.lossAfter.toExponential(7)).toBe('3.5101878e-5')
    expect(out.outputsAfter[0].map((x: number) => x.toFixed(6))).toEqual(['0.015914', '0.984064'])
  })

  it('stops quietly, status 0, when its reader stops early (| head)', () => {
    const spec = specFile('long.json', byName('classic-222').spec)
    // 100,000 losses: far more than a pipe holds, so the CLI is still writing when head exits.
    const script =
      '"$0" "$1" trace "$2" --steps 100000 | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}"'
    const r = spawnSync('bash', ['-c', script, process.execPath, cli, spec], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('0\n')
  })

  it.each([
    [
      'a missing file',
      ['trace', join(dir, 'nope.json')],
      /^backprop-lab: cannot read .*nope\.json: no such file\n$/,
    ],
    [
      'broken JSON',
      ['trace', specFile('broken.json', '{"layers": [2,')],
      /^backprop-lab: spec: at character \d+: /,
    ],
    [
      'a field of the wrong shape',
      [
        'trace',
        specFile('shape.json', { ...byName('classic-222').spec, biases: [[0.35], [0.6, 0.6]] }),
      ],
      /^backprop-lab: biases\[0\]: expected 2 numbers/,
    ],
    [
      'an impossible pairing',
      ['trace', specFile('pair.json', { ...byName('classic-222').spec, loss: 'cross_entropy' })],
      /^backprop-lab: loss: cross_entropy needs a softmax output layer\n$/,
    ],
    [
      'a bad --steps',
      ['trace', specFile('ok.json', byName('classic-222').spec), '--steps', 'lots'],
      /^backprop-lab: --steps: expected a whole number/,
    ],
    ['an unknown command', ['train', 'x.json'], /^backprop-lab: unknown command train/],
  ])('rejects %s with one clear line and exit status 2', (_what, args, message) => {
    const r = run(args)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/at .*\.m?js:\d+/) // no stack trace
    expect(r.stdout).toBe('')
  })
})
