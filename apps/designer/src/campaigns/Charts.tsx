import { lazy, Suspense } from 'react'
import type { BarChartProps } from './BarChart'

// ECharts is the heaviest dependency of the designer: only pages that draw a chart load it.
const LazyBarChart = lazy(() => import('./BarChart'))

/**
 * A bar chart, loaded on first use (`React.lazy`); a placeholder of the same height holds the
 * place meanwhile.
 *
 * @example
 * <Chart label="等次分布" bars={bars} />
 */
export function Chart(props: BarChartProps) {
  const height =
    props.height ?? (props.horizontal ? Math.max(120, props.bars.length * 28 + 32) : 240)
  return (
    <Suspense
      fallback={
        <div className={props.className ?? 'bar-chart'} style={{ height }} aria-busy="true" />
      }
    >
      <LazyBarChart {...props} />
    </Suspense>
  )
}
