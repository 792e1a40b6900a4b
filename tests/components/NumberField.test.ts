// A NumberField that shows a value it does not take (#11: the playground's "Set w to" box while
// training moves the weight): disabled, it shows each new value it is given and commits nothing.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import NumberField from '../../web/src/components/NumberField.vue'

describe('NumberField disabled', () => {
  it('shows the value it is given, follows a new one and takes no input', async () => {
    const w = mount(NumberField, {
      props: { label: 'Set w to', value: 0.3173937, disabled: true, holdsTraining: false },
    })
    const input = w.get('input')
    expect((input.element as HTMLInputElement).disabled).toBe(true)
    expect((input.element as HTMLInputElement).value).toBe('0.3173937')
    await w.setProps({ value: 0.268999 })
    expect((input.element as HTMLInputElement).value).toBe('0.268999')
    await w.setProps({ disabled: false })
    expect((input.element as HTMLInputElement).disabled).toBe(false)
    await input.setValue('0.5') // test-utils sends input and change, as typing and leaving do
    expect(w.emitted('commit')).toEqual([[0.5]])
  })

  it('is not disabled unless asked', () => {
    const w = mount(NumberField, { props: { label: 'η', value: 0.1 } })
    expect((w.get('input').element as HTMLInputElement).disabled).toBe(false)
  })
})

// #11: a phone shows the keyboard of what the field takes: digits only where only a whole number is
// taken (a seed, a point's number, a count), digits and a decimal separator elsewhere.
describe('NumberField keyboard', () => {
  it('is numeric for a whole-number field and decimal for any other', () => {
    const mode = (whole: boolean) =>
      mount(NumberField, { props: { label: 'Seed', value: 1, whole, holdsTraining: false } })
        .get('input')
        .attributes('inputmode')
    expect(mode(true)).toBe('numeric')
    expect(mode(false)).toBe('decimal')
  })

  it('is chosen from the field’s kind in every input of the app, never written in as decimal', () => {
    const root = resolve('web/src') // Vitest runs from the repository's root
    const fixed = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.vue'))
      .filter((f) => /\sinputmode="decimal"/.test(readFileSync(join(root, f), 'utf8')))
    expect(fixed).toEqual([])
  })
})
