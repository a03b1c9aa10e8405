import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

const COLORS = ['#c92a2a', '#1971c2', '#868e96', '#2f9e44', '#e8590c']

/** The grade distribution as a bar chart (ECharts), with a text table beside it for readers. */
export function GradeChart({
  grades,
  label,
}: {
  grades: Array<{ grade: string; count: number; share: number }>
  label: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'canvas' })
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: grades.map((g) => g.grade) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: grades.map((g, i) => ({
            value: g.count,
            itemStyle: { color: COLORS[i % COLORS.length] },
          })),
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => {
              const g = grades[p.dataIndex]
              return g ? `${g.count}（${Math.round(g.share * 1000) / 10}%）` : ''
            },
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
  }, [grades])
  return <div ref={ref} className="chart" role="img" aria-label={label} />
}
