// A React page built by Vite from the published packages (no JSX, so no React plugin needed).
import { templates } from '@yardstick/sdk'
import { YardstickSurvey } from '@yardstick/sdk/react'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')).render(
  createElement(YardstickSurvey, {
    form: templates.satisfaction,
    onComplete: (answers) => console.log(answers),
  }),
)
