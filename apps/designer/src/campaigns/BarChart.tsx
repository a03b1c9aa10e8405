import { BarChart as BarSeries } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([BarSeries, GridComponent, TooltipComponent, CanvasRenderer])

/** One bar: its category, its value, the label written on it, and its colour. */
export interface Bar {
  name: string
  value: number
  label: string
  color?: string
}

/** Options of `BarChart`. */
export interface BarChartProps {
  bars: Bar[]
  /** The accessible name of the chart (the figures are also written out beside it). */
  label: string
  /** Horizontal bars suit long category names (question choices, aspects). */
  horizontal?: boolean
  /** The value axis's maximum (e.g. 100 for percentages); automatic by default. */
  max?: number
  height?: number
  /** The container's class (default `bar-chart`). */
  className?: string
}

const DEFAULT_COLOR = '#1971c2'

/**
 * A bar chart drawn by ECharts (canvas). This module is the only one importing ECharts and is
 * loaded with `React.lazy`, so pages without charts never download it.
 *
 * @example
 * <BarChart label="等次分布" bars={[{ name: '先进', value: 12, label: '12（20%）' }]} />
 */
export default function BarChart({
  bars,
  label,
  horizontal = false,
  max,
  height,
  className = 'bar-chart',
}: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'canvas' })
    const categories = {
      type: 'category' as const,
      data: bars.map((b) => b.name),
      // Long names (question titles) are cut, not pushed off the canvas; the tooltip has them whole.
      axisLabel: horizontal ? { width: 180, overflow: 'truncate' as const } : {},
    }
    const values = { type: 'value' as const, minInterval: 1, ...(max === undefined ? {} : { max }) }
    chart.setOption({
      animation: false,
      grid: { left: horizontal ? 8 : 40, right: 48, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? { ...categories, inverse: true } : values,
      series: [
        {
          type: 'bar',
          data: bars.map((b) => ({
            value: b.value,
            itemStyle: { color: b.color ?? DEFAULT_COLOR },
          })),
          label: {
            show: true,
            position: horizontal ? 'right' : 'top',
            formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.label ?? '',
          },
        },
      ],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [bars, horizontal, max])
  const size = height ?? (horizontal ? Math.max(120, bars.length * 28 + 32) : 240)
  return (
    <div ref={ref} className={className} style={{ height: size }} role="img" aria-label={label} />
  )
}
