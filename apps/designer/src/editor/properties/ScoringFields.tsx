import type { NodeView } from '@yardstick/doc'
import { localizedText, SCORE_KINDS } from '@yardstick/sdk'
import { memo, useMemo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useViewSelect } from '../EditorContext'
import { choiceValue, typedValue, useQuestionOptions } from './choices'
import { readsKeys } from './reads-keys'
import { SelectField } from './SelectField'
import { useSetProperty } from './useEdit'
import { numberOrNone, ValueField } from './ValueField'

/** The JSON keys the scoring fields show. */
const SCORING_KEYS = [
  'dimension',
  'scoreKind',
  'maxScore',
  'choices',
  'correctAnswer',
  'points',
  'problemOf',
]

/**
 * A question's scoring extensions (docs/DESIGN.md §2): dimension, score kind, maximum, quiz points
 * and correct answer, and the question whose problem list it is.
 */
export const ScoringFields = memo(
  function ScoringFields({ node }: { node: NodeView }) {
    const { t, locale } = useI18n()
    const set = useSetProperty()
    const { id, json } = node
    const none = { value: '', label: t('props.none') }
    const dimensions = (useViewSelect((view) => view.json.dimensions) ?? []).map((d) => ({
      value: d.name,
      label: `${localizedText(d.title, locale) || d.name} (${d.name})`,
    }))
    const choices = Array.isArray(json.choices) ? json.choices.map(choiceValue) : []
    const correct = json.correctAnswer
    const questions = useQuestionOptions(id)
    const noneLabel = none.label
    const problemOptions = useMemo(
      () => [
        { value: '', label: noneLabel },
        ...questions.map((q) => ({ value: q.name, label: q.name })),
      ],
      [questions, noneLabel],
    )
    return (
      <div className="scoring">
        <div className="field-row">
          <SelectField
            label={t('props.dimension')}
            value={typeof json.dimension === 'string' ? json.dimension : ''}
            options={[none, ...dimensions]}
            onChange={(v) => set(id, 'dimension', v || undefined)}
          />
          <SelectField
            label={t('props.scoreKind')}
            value={typeof json.scoreKind === 'string' ? json.scoreKind : 'normal'}
            options={SCORE_KINDS.map((k) => ({ value: k, label: t(`props.scoreKind.${k}`) }))}
            onChange={(v) => set(id, 'scoreKind', v === 'normal' ? undefined : v)}
          />
          <ValueField
            label={t('props.maxScore')}
            type="number"
            min={0}
            value={typeof json.maxScore === 'number' ? json.maxScore : undefined}
            onCommit={(v) => set(id, 'maxScore', numberOrNone(v))}
          />
        </div>
        <div className="field-row">
          {choices.length > 0 ? (
            <SelectField
              label={t('props.correctAnswer')}
              value={correct === undefined ? '' : String(correct)}
              options={[none, ...choices.map((c) => ({ value: String(c), label: String(c) }))]}
              onChange={(v) =>
                set(
                  id,
                  'correctAnswer',
                  v === '' ? undefined : choices.find((c) => String(c) === v),
                )
              }
            />
          ) : (
            <ValueField
              label={t('props.correctAnswer')}
              value={correct === undefined ? '' : String(correct)}
              onCommit={(v) =>
                set(id, 'correctAnswer', v === '' ? undefined : typedValue(v, correct))
              }
            />
          )}
          <ValueField
            label={t('props.points')}
            type="number"
            min={0}
            value={typeof json.points === 'number' ? json.points : undefined}
            onCommit={(v) => set(id, 'points', numberOrNone(v))}
          />
          <SelectField
            label={t('props.problemOf')}
            value={typeof json.problemOf === 'string' ? json.problemOf : ''}
            options={problemOptions}
            onChange={(v) => set(id, 'problemOf', v || undefined)}
          />
        </div>
      </div>
    )
  },
  readsKeys(...SCORING_KEYS),
)
