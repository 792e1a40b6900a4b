// `backprop-lab export SPEC.json --format md|json` as a user runs it: the answer key of the classic
// example with the notes' numbers, from a real Node process (tsx compiles the app's exporter).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../../wasm/cli/backprop-lab.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'bl-export-'))
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/reference-cases.json', import.meta.url), 'utf8'),
)
const classic = cases.find((c: { name: string }) => c.name === 'classic-222').spec
const specPath = join(dir, 'classic.json')
writeFileSync(specPath, JSON.stringify(classic))

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('backprop-lab export', () => {
  it('prints the classic example as Markdown with its exact numbers', () => {
    const r = run(['export', specPath, '--format', 'md', '--title', 'Classic 2-2-2'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^# Classic 2-2-2\n/)
    const row = (symbol: string) =>
      r.stdout.split('\n').find((l) => l.startsWith(`| $${symbol}$ |`)) ?? ''
    expect(row('E')).toContain('| 0.298371109 |')
    expect(row('\\frac{\\partial E}{\\partial w^{(2)}_{11}}')).toContain('| 0.082167041 |')
    expect(row('w^{(2)+}_{11}')).toContain('| 0.35891648 |')
    expect(r.stdout).toContain('## 7. Every gradient by the chain rule')
  })

  it('prints the same answer key as JSON', () => {
    const r = run(['export', specPath, '--format', 'json'])
    expect(r.status).toBe(0)
    const key = JSON.parse(r.stdout)
    const loss = key.sections
      .flatMap((s: { rows: { key: string; value: number }[] }) => s.rows)
      .find((x: { key: string }) => x.key === 'loss')
    expect(loss.value).toBeCloseTo(0.2983711087600027, 15)
  })

  it.each([
    [
      'a bad format',
      ['export', specPath, '--format', 'pdf'],
      /^backprop-lab: --format: expected md or json, got pdf\n$/,
    ],
    [
      'a broken spec',
      ['export', specPath.replace('classic', 'nope')],
      /^backprop-lab: cannot read .*: no such file\n$/,
    ],
  ])('rejects %s with one line and exit status 2', (_what, args, message) => {
    const r = run(args)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })
})
