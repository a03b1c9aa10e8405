import { type ElementJson, type PageJson, selfCheckItem, vetoChoices } from '@yardstick/sdk'
import { en } from '../../i18n/en'
import { interpolate, type MessageParams } from '../../i18n/translate'
import { type MessageKey, zhCN } from '../../i18n/zh-CN'
import { uniqueName } from '../names'

/** SurveyJS question types the toolbox offers (survey-core renders each). */
export const QUESTION_TYPES = [
  'text',
  'comment',
  'radiogroup',
  'checkbox',
  'dropdown',
  'tagbox',
  'boolean',
  'rating',
  'ranking',
  'imagepicker',
  'matrix',
  'matrixdropdown',
  'multipletext',
  'panel',
  'paneldynamic',
  'html',
  'expression',
  'file',
  'signaturepad',
] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

/** Yardstick's assessment blocks (docs/DESIGN.md §2). */
export const BLOCKS = [
  'selfCheckItem',
  'satisfactionItem',
  'indicator',
  'bonusItem',
  'vetoItem',
  'quizQuestion',
  'questionBank',
] as const
export type Block = (typeof BLOCKS)[number]

/** What a tool adds: elements where the selection is, or a new page. */
export type ToolOutput =
  | { kind: 'elements'; elements: ElementJson[] }
  | { kind: 'page'; page: PageJson }

/** Context a tool needs: names in use (page names included) and a dimension to count toward. */
export interface ToolContext {
  taken: ReadonlySet<string>
  dimension?: string | undefined
}

/** A text in both languages, from the string tables: forms are zh-CN first with English beside. */
export function bilingual(key: MessageKey, params?: MessageParams) {
  return { default: interpolate(zhCN[key], params), en: interpolate(en[key], params) }
}

const options = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    value: `item${i + 1}`,
    text: bilingual('choice.option', { n: i + 1 }),
  }))

/**
 * The JSON a question type adds, with a free name and a bilingual title.
 *
 * @example
 * questionJson('radiogroup', { taken: new Set() }).name // 'question1'
 */
export function questionJson(type: QuestionType, { taken }: ToolContext): ElementJson {
  const name = uniqueName(type === 'panel' || type === 'paneldynamic' ? 'panel' : 'question', taken)
  const title =
    type === 'panel' || type === 'paneldynamic'
      ? bilingual('block.title.panel')
      : bilingual('block.title.question')
  switch (type) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown':
    case 'tagbox':
    case 'ranking':
    case 'imagepicker':
      return { type, name, title, choices: options(3) }
    case 'matrix':
      return {
        type,
        name,
        title,
        columns: options(3),
        rows: [1, 2].map((n) => ({ value: `row${n}`, text: bilingual('choice.row', { n }) })),
      }
    case 'matrixdropdown':
      return {
        type,
        name,
        title,
        columns: [1, 2].map((n) => ({ name: `col${n}`, title: bilingual('choice.column', { n }) })),
        rows: [1, 2].map((n) => ({ value: `row${n}`, text: bilingual('choice.row', { n }) })),
        choices: [1, 2, 3],
      }
    case 'multipletext':
      return {
        type,
        name,
        title,
        items: [1, 2].map((n) => ({
          name: `text${n}`,
          title: bilingual('choice.textItem', { n }),
        })),
      }
    case 'panel':
      return { type, name, title, elements: [] }
    case 'paneldynamic':
      return {
        type,
        name,
        title,
        templateElements: [
          { type: 'text', name: `${name}_text`, title: bilingual('block.title.question') },
        ],
      }
    case 'html':
      return { type, name, html: bilingual('block.html') }
    case 'expression':
      return { type, name, title, expression: '' }
    case 'text':
    case 'comment':
    case 'boolean':
    case 'rating':
    case 'file':
    case 'signaturepad':
      return { type, name, title }
  }
}

/**
 * The JSON an assessment block adds: questions with their scoring extensions, or a question
 * bank page.
 *
 * @example
 * blockJson('selfCheckItem', { taken: new Set() }) // the yes/no item and its problem follow-up
 */
export function blockJson(block: Block, { taken, dimension }: ToolContext): ToolOutput {
  const withDimension = dimension ? { dimension } : {}
  switch (block) {
    case 'selfCheckItem': {
      // The SDK's one self-check item block (the yes/no item and its problem-list entry): the
      // builder and the template make their items with it too.
      const name = uniqueName('item', taken, ['_problem'])
      const title = bilingual('block.title.selfCheckItem')
      const elements = selfCheckItem({ name, title }, { dimension: dimension || undefined })
      return { kind: 'elements', elements }
    }
    case 'satisfactionItem':
      return {
        kind: 'elements',
        elements: [
          {
            type: 'radiogroup',
            name: uniqueName('aspect', taken),
            title: bilingual('block.title.satisfactionItem'),
            isRequired: true,
            choices: [
              {
                value: 'satisfied',
                text: bilingual('choice.satisfied'),
                score: 100,
                satisfied: true,
              },
              { value: 'basic', text: bilingual('choice.basic'), score: 60, satisfied: true },
              {
                value: 'dissatisfied',
                text: bilingual('choice.dissatisfied'),
                score: 0,
                satisfied: false,
              },
            ],
          },
        ],
      }
    case 'indicator':
      return {
        kind: 'elements',
        elements: [
          {
            type: 'text',
            name: uniqueName('indicator', taken),
            title: bilingual('block.title.indicator'),
            inputType: 'number',
            min: 0,
            max: 10,
            maxScore: 10,
            isRequired: true,
            ...withDimension,
          },
        ],
      }
    case 'bonusItem':
      return {
        kind: 'elements',
        elements: [
          {
            type: 'text',
            name: uniqueName('bonus', taken),
            title: bilingual('block.title.bonusItem'),
            inputType: 'number',
            min: 0,
            max: 5,
            maxScore: 5,
            scoreKind: 'bonus',
          },
        ],
      }
    case 'vetoItem':
      return {
        kind: 'elements',
        elements: [
          {
            type: 'radiogroup',
            name: uniqueName('veto', taken),
            title: bilingual('block.title.vetoItem'),
            isRequired: true,
            choices: vetoChoices(),
          },
        ],
      }
    case 'quizQuestion':
      return { kind: 'elements', elements: [quizQuestion(uniqueName('quiz', taken))] }
    case 'questionBank':
      return {
        kind: 'page',
        page: {
          name: uniqueName('bank', taken),
          title: bilingual('block.title.questionBank'),
          drawCount: 1,
          elements: [quizQuestion(uniqueName('quiz', taken))],
        },
      }
  }
}

function quizQuestion(name: string): ElementJson {
  return {
    type: 'radiogroup',
    name,
    title: bilingual('block.title.quizQuestion'),
    isRequired: true,
    choices: ['A', 'B', 'C', 'D'].map((value, i) => ({
      value,
      text: bilingual('choice.option', { n: i + 1 }),
    })),
    correctAnswer: 'A',
    points: 1,
  }
}

/** A new plain page. */
export function pageJson({ taken }: ToolContext): PageJson {
  return { name: uniqueName('page', taken), title: bilingual('block.title.page'), elements: [] }
}
