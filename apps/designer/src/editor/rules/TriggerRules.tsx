import { ROOT } from '@yardstick/doc'
import { memo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, useViewSelect } from '../EditorContext'
import { useQuestionOptions } from '../properties/choices'
import { useSetProperty } from '../properties/useEdit'
import { QuestionSelect } from './QuestionSelect'
import { RuleConditions } from './RuleConditions'
import {
  NEW_TRIGGER,
  RULE_TRIGGER_TYPES,
  type RuleTriggerType,
  type TriggerRule,
  triggerList,
  triggerOf,
  triggerRuleOf,
  withTrigger,
} from './triggers'

/**
 * The survey's skip and end rules (its SurveyJS `triggers`): "当 [题目] [是…] [选项] 时，跳到
 * [题目] / 结束问卷", numbered as publishing names them ("第 2 条跳题与结束规则"). The list is one
 * plain value of the shared document ([DOC6]): each edit writes it whole, read fresh from the
 * document at that moment so a co-editor's change to another rule is kept. Triggers of other
 * types are shown as their JSON, read-only, and kept. Memoised: it renders again when the triggers
 * or the question list change, not on every edit elsewhere in the form's settings.
 */
export const TriggerRules = memo(function TriggerRules() {
  const { t } = useI18n()
  const { canWrite, session } = useEditor()
  const set = useSetProperty()
  const triggers = useViewSelect((view) => view.json.triggers)
  const questions = useQuestionOptions()
  const list = triggerList(triggers)
  const write = (edit: (list: unknown[]) => unknown[]) => {
    const next = edit(triggerList(session.view.get().json.triggers))
    set(ROOT, 'triggers', next.length > 0 ? next : undefined)
  }
  return (
    <fieldset className="trigger-rules">
      <legend>{t('rules.triggers')}</legend>
      {list.length === 0 && <p className="muted">{t('rules.triggers.none')}</p>}
      {list.map((trigger, index) => {
        const rule = triggerRuleOf(trigger)
        return rule ? (
          <TriggerRuleField
            // Rules have no identity beyond their place, as SurveyJS keeps them.
            key={index}
            index={index}
            rule={rule}
            questions={questions}
            onChange={(next) =>
              write((now) => withTrigger(now, index, triggerOf(next, now[index])))
            }
            onRemove={() => write((now) => withTrigger(now, index, null))}
          />
        ) : (
          <OtherTrigger
            key={index}
            index={index}
            trigger={trigger}
            onRemove={() => write((now) => withTrigger(now, index, null))}
          />
        )
      })}
      <button
        type="button"
        disabled={!canWrite}
        onClick={() => write((now) => [...now, { ...NEW_TRIGGER }])}
      >
        {t('rules.triggers.add')}
      </button>
    </fieldset>
  )
})

function TriggerRuleField({
  index,
  rule,
  questions,
  onChange,
  onRemove,
}: {
  index: number
  rule: TriggerRule
  questions: ReadonlyArray<{ id: string; name: string }>
  onChange: (rule: TriggerRule) => void
  onRemove: () => void
}) {
  const { t } = useI18n()
  const { canWrite } = useEditor()
  const n = index + 1
  return (
    <fieldset className="rule-field" data-trigger={index}>
      <legend>{t('rules.trigger', { n })}</legend>
      <RuleConditions
        expression={rule.expression}
        onWrite={(expression) => onChange({ ...rule, expression })}
        questions={questions}
        none={t('rules.trigger.none')}
        startWithRow
        effect={() => (
          <div className="rule-effect rule-row">
            <span className="rule-lead">{t('rules.trigger.then')}</span>
            <select
              aria-label={t('rules.trigger.action', { n })}
              value={rule.type}
              disabled={!canWrite}
              onChange={(e) => onChange({ ...rule, type: e.target.value as RuleTriggerType })}
            >
              {RULE_TRIGGER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`rules.trigger.${type}`)}
                </option>
              ))}
            </select>
            {rule.type === 'skip' && (
              <QuestionSelect
                label={t('rules.trigger.target', { n })}
                value={rule.gotoName}
                questions={questions}
                disabled={!canWrite}
                onChange={(gotoName) => onChange({ ...rule, gotoName })}
              />
            )}
          </div>
        )}
      />
      <button type="button" disabled={!canWrite} onClick={onRemove}>
        {t('rules.trigger.remove', { n })}
      </button>
    </fieldset>
  )
}

/** A trigger the builder cannot show as a rule (setvalue, copyvalue…): its JSON, kept as it is. */
function OtherTrigger({
  index,
  trigger,
  onRemove,
}: {
  index: number
  trigger: unknown
  onRemove: () => void
}) {
  const { t } = useI18n()
  const { canWrite } = useEditor()
  const n = index + 1
  const type = (trigger as { type?: unknown } | null)?.type
  return (
    <fieldset className="rule-field" data-trigger={index}>
      <legend>{t('rules.trigger', { n })}</legend>
      <p className="muted">{t('rules.trigger.other', { type: String(type ?? '?') })}</p>
      <pre className="mono rule-json">{JSON.stringify(trigger, null, 2)}</pre>
      <button type="button" disabled={!canWrite} onClick={onRemove}>
        {t('rules.trigger.remove', { n })}
      </button>
    </fieldset>
  )
}
