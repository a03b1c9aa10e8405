import { type FormJson, templates } from '@yardstick/sdk'

/** Test data only: forms for the three sources, small enough to answer at random. */
const yesNo = [
  { value: 'yes', text: { default: '是', en: 'Yes' }, score: 10 },
  { value: 'partly', text: { default: '部分', en: 'Partly' }, score: 4 },
  { value: 'no', text: { default: '否', en: 'No' }, score: 0, problem: true },
]

/** 自评: four yes / partly / no items. */
export const SELF_FORM: FormJson = {
  kind: 'selfCheck',
  elements: ['study', 'meetings', 'dues', 'records'].map((name) => ({
    type: 'radiogroup',
    name,
    title: { default: `是否落实${name}`, en: name },
    choices: yesNo,
  })),
}

const points = [0, 3, 5, 7, 8, 10].map((score) => ({ value: score, text: `${score}分`, score }))

/** 上级考评: three scored indicators and a veto item. */
export const SUPERIOR_FORM: FormJson = {
  kind: 'scorecard',
  elements: [
    ...['organisation', 'team', 'activity'].map((name) => ({
      type: 'radiogroup',
      name,
      title: { default: `基本${name}`, en: name },
      choices: points,
    })),
    {
      type: 'radiogroup',
      name: 'veto',
      title: { default: '一票否决', en: 'Veto' },
      choices: [
        { value: 'no', text: '否' },
        { value: 'yes', text: '是', veto: true },
      ],
    },
  ],
}

/** 党员群众测评: the SDK's satisfaction template (ten aspects and a comment). */
export const MEMBERS_FORM: FormJson = templates.satisfaction

/** The question names of the satisfaction template's rated aspects. */
export const MEMBER_ASPECTS: string[] = (MEMBERS_FORM.pages ?? [])
  .flatMap((page) => page.elements ?? [])
  .filter((element) => element.type === 'radiogroup')
  .map((element) => element.name)

/** The bands every test campaign grades by. */
export const TEST_BANDS = [
  { min: 90, grade: 'advanced', stars: 5 },
  { min: 75, grade: 'standard', stars: 3 },
  { min: 0, grade: 'lagging', stars: 1 },
]

/** Self-check answers with the given choice for each of the four items. */
export function selfAnswers(...choices: Array<'yes' | 'partly' | 'no'>) {
  const [study = 'yes', meetings = 'yes', dues = 'yes', records = 'yes'] = choices
  return { study, meetings, dues, records }
}

/** Scorecard answers: the same points on each indicator, and the veto item. */
export function superiorAnswers(points: number, veto = false) {
  return { organisation: points, team: points, activity: points, veto: veto ? 'yes' : 'no' }
}

/** Satisfaction answers: the same choice for every aspect. */
export function memberAnswers(choice: 'satisfied' | 'basic' | 'dissatisfied') {
  return Object.fromEntries(MEMBER_ASPECTS.map((name) => [name, choice]))
}
