// How a chart is shown, in the link: one field per chart, `loss=log` (log-scale y axis), `loss=table`
// (the data table instead of the picture), `loss=log,table`, `loss=lin` (linear, the picture). A screen
// names each of its charts (LineChart's `link` prop), so every switch a learner flips comes back.
import { computed, type Ref } from 'vue'
import { choice, linkedFields, type LinkedFields } from './fields'
import { useLinkedFields } from './useLink'

/** The views a chart's field accepts: linear or log y axis, picture or table. */
const CHART_VIEWS = ['lin', 'log', 'table', 'log,table'] as const
type ChartView = (typeof CHART_VIEWS)[number]

const viewOf = (log: boolean, table: boolean): ChartView =>
  table ? (log ? 'log,table' : 'table') : log ? 'log' : 'lin'

type ViewFields = LinkedFields<{ view: ReturnType<typeof choice<ChartView>> }>
const declared = new Map<string, ViewFields>()
function viewFields(key: string, own: ChartView, views: readonly ChartView[]): ViewFields {
  const id = `${key}:${own}:${views.join(';')}`
  let fields = declared.get(id)
  if (!fields) {
    fields = linkedFields({
      view: choice<ChartView>(key, `view of the chart “${key}”`, own, views),
    })
    declared.set(id, fields)
  }
  return fields
}

/**
 * A chart's log-scale switch and table toggle, read from the lesson's link under `key` and written
 * back on every change (outside a lesson: plain values). `logY` is the chart's own starting scale;
 * `views` the ones its switches can reach (a chart without a log switch: `['lin', 'table']`).
 */
export function useLinkedChartView(
  key: string,
  logY: boolean,
  views: readonly ChartView[] = CHART_VIEWS,
): { log: Ref<boolean>; table: Ref<boolean> } {
  const own = viewOf(logY, false)
  const state = useLinkedFields(viewFields(key, own, views))
  const log = computed({
    get: () => state.view.startsWith('log'),
    set: (on: boolean) => void (state.view = viewOf(on, table.value)),
  })
  const table = computed({
    get: () => state.view.endsWith('table'),
    set: (on: boolean) => void (state.view = viewOf(log.value, on)),
  })
  return { log, table }
}
