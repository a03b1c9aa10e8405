import { lazy, Suspense } from 'react'
import type { BarChartProps } from './BarChart'

// ECharts is the heaviest dependency of the designer: only pages that draw a chart load it.
const LazyBarChart = lazy(() => import('./BarChart'))

/**
 * A bar chart, loaded on first use (`React.lazy`); a placeholder of the same height holds the
 * place meanwhile. `listed` adds its bars as a list only screen readers see (a canvas says
 * nothing to them).
 *
 * @example
 * <Chart label="等次分布" bars={bars} listed />
 */
export function Chart({ listed = false, ...props }: BarChartProps & { listed?: boolean }) {
  const height =
    props.height ?? (props.horizontal ? Math.max(120, props.bars.length * 28 + 32) : 240)
  return (
    <>
      <Suspense
        fallback={
          <div className={props.className ?? 'bar-chart'} style={{ height }} aria-busy="true" />
        }
      >
        <LazyBarChart {...props} />
      </Suspense>
      {listed && (
        <ul className="visually-hidden">
          {props.bars.map((b) => (
            <li key={b.name}>
              {b.name}：{b.label}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
