// The hand-written web/src/engine/nn.d.ts must name exactly what the real module registers with embind:
// the methods of each class (read from the .d.ts with the TypeScript compiler, from the module's
// prototypes at run time), the values of the Status enum, and the module-level functions.
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { loadEngineNode } from './loadEngineNode'

const dtsPath = new URL('../../web/src/engine/nn.d.ts', import.meta.url)
const source = ts.createSourceFile('nn.d.ts', readFileSync(dtsPath, 'utf8'), ts.ScriptTarget.Latest)

/** Member names of an interface in nn.d.ts, split into methods and other properties. */
function declared(name: string): { methods: string[]; properties: string[] } {
  const node = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  )
  if (!node) throw new Error(`nn.d.ts declares no interface ${name}`)
  const methods: string[] = []
  const properties: string[] = []
  for (const m of node.members) {
    if (!m.name || !ts.isIdentifier(m.name)) continue
    const isFunction =
      ts.isMethodSignature(m) ||
      (ts.isPropertySignature(m) &&
        m.type !== undefined &&
        (ts.isFunctionTypeNode(m.type) || ts.isConstructorTypeNode(m.type)))
    ;(isFunction ? methods : properties).push(m.name.text)
  }
  return { methods: methods.sort(), properties: properties.sort() }
}

/** Methods an embind class registers (its prototype minus the constructor and embind's own helpers). */
function registered(proto: object): string[] {
  const embindOwn = new Set(['constructor', 'clone', 'isAliasOf', 'deleteLater'])
  return Object.getOwnPropertyNames(proto)
    .filter((n) => !embindOwn.has(n))
    .sort()
}

describe('nn.d.ts matches the module', () => {
  it.each([
    ['NnNetwork', 'Network'],
    ['NnEnsemble', 'Ensemble'],
  ] as const)('%s declares exactly the methods of %s', async (iface, cls) => {
    const engine = await loadEngineNode()
    const proto = engine[cls].prototype as object
    // delete() and isDeleted() come from embind's ClassHandle, one level up.
    expect([...registered(proto), 'delete', 'isDeleted'].sort()).toEqual(declared(iface).methods)
  })

  it('declares the Status values the module registers', async () => {
    const engine = await loadEngineNode()
    const values = Object.keys(engine.Status)
      .filter((k) => k !== 'values')
      .sort()
    expect(values).toEqual(declared('NnStatusEnum').properties)
  })

  it('declares module functions and classes that exist', async () => {
    const engine = (await loadEngineNode()) as unknown as Record<string, unknown>
    const { methods, properties } = declared('NnModule')
    for (const name of methods) expect(typeof engine[name], name).toBe('function')
    for (const name of properties) expect(engine[name], name).toBeDefined()
  })

  // The bench's exports (_bench_*) live in the bench modules (bench/bench_exports.cpp), never here.
  it('declares plain C exports (NnPlainExports) that exist, every _nn_ export, no _bench_ one', async () => {
    const engine = (await loadEngineNode()) as unknown as Record<string, unknown>
    const { methods } = declared('NnPlainExports')
    for (const name of methods) expect(typeof engine[name], name).toBe('function')
    const exported = Object.keys(engine).filter((k) => /^_(nn|bench)_/.test(k))
    expect(exported.sort()).toEqual(methods)
  })
})
