// Floor: survey-core + survey-react-ui + React, rendering one survey (what the embed builds on).
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { Model } from 'survey-core'
import { Survey } from 'survey-react-ui'
import 'survey-core/survey-core.min.css'

const model = new Model({ elements: [{ type: 'text', name: 'q' }] })
createRoot(document.body).render(createElement(Survey, { model }))
