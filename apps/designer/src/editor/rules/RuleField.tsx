import type { NodeView } from '@yardstick/doc'
import { memo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useQuestionOptions } from '../properties/choices'
import { readsKeys } from '../properties/reads-keys'
import { useSetProperty } from '../properties/useEdit'
import type { RuleProperty } from './draft'
import { RuleConditions } from './RuleConditions'

/**
 * A condition (`visibleIf`, `enableIf`, `requiredIf`) as a rule: "当 [题目] [是…] [选项] 时，显示此项",
 * rows joined by AND or OR, never an expression in sight. What it writes is SurveyJS's
 * expression (`ruleToExpression`, @yardstick/sdk), set in the shared document like any property;
 * an expression `parseRule` cannot show stays editable as text behind the expert switch.
 */
function RuleFieldOf({ node, property }: { node: NodeView; property: RuleProperty }) {
  const { t } = useI18n()
  const set = useSetProperty()
  const questions = useQuestionOptions(node.id)
  const raw = node.json[property]
  return (
    <fieldset className="rule-field" data-rule={property}>
      <legend>{t(`rules.${property}`)}</legend>
      <RuleConditions
        expression={typeof raw === 'string' ? raw : ''}
        onWrite={(expression) => set(node.id, property, expression || undefined)}
        questions={questions}
        none={t(`rules.none.${property}`)}
        effect={({ rows }) =>
          rows > 0 && <p className="rule-effect">{t(`rules.effect.${property}`)}</p>
        }
      />
    </fieldset>
  )
}

/** One condition property's rule builder; renders again only when that property changes. */
export const RuleField = memo(RuleFieldOf, readsKeys('visibleIf', 'enableIf', 'requiredIf'))
