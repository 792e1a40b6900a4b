// Import and export for the playground: CSV points (bad lines named, good ones kept), the network and
// data as JSON (checked like a link), SPEC.json for `backprop-lab trace`. `notices` says what happened.
import { computed, nextTick, ref } from 'vue'
import { parseCsv, toCsv } from './csv'
import { download } from '../../components/download'
import { cliSpec, playgroundFile, readPlaygroundFile } from './exportFiles'
import { LIMITS } from '../../links/limits'
import { plural } from '../../math/plural'
import type { PlaygroundData } from './usePlaygroundData'
import type { PlaygroundTraining } from './usePlaygroundTraining'

export function usePlaygroundFiles(data: PlaygroundData, training: PlaygroundTraining) {
  const notices = ref<string[]>([])
  const linkNote = computed(() => {
    const n = data.custom.value.length
    return data.config.dataset === 'custom' && n > LIMITS.playground.linkPoints
      ? `The link carries the settings but not your ${n} points (more than ${LIMITS.playground.linkPoints}): download them as JSON or CSV.`
      : ''
  })

  function importCsv(text: string): void {
    const r = parseCsv(text)
    if (r.points.length > 0) data.setPoints(r.points)
    const head =
      r.points.length > 0
        ? `Imported ${plural(r.points.length, 'point')}.`
        : 'No points were imported; your data are unchanged.'
    notices.value = [head, ...(r.points.length > 0 ? [r.labels] : []), ...r.problems]
  }

  async function importJson(text: string): Promise<void> {
    const r = readPlaygroundFile(text)
    if (!r.ok) return void (notices.value = [r.message])
    data.load(r.state)
    await nextTick() // the training session is rebuilt for the new settings first
    const why = r.params ? training.apply(r.params) : ''
    notices.value = [
      `Imported the settings${r.params && !why ? ' and the weights' : ''}.`,
      ...r.notices,
      ...(why ? [`The weights were not used: ${why}`] : []),
    ]
  }

  const state = data.state
  return {
    notices,
    linkNote,
    importCsv,
    importJson,
    exportJson: () =>
      download(
        'playground.json',
        JSON.stringify(playgroundFile(state(), training.params()), null, 1),
      ),
    exportSpec: () => {
      const p = training.params()
      if (p) download('SPEC.json', JSON.stringify(cliSpec(data.spec.value, p), null, 1))
    },
    exportCsv: () => download('points.csv', toCsv(data.points.value), 'text/csv'),
  }
}
