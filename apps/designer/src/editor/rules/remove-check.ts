import type { NodeView } from '@yardstick/doc'
import { type FormJson, type LogicSite, listItemOf, rulesReferring } from '@yardstick/sdk'
import { useCallback } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import type { Translate } from '../../i18n/translate'
import { useEditor } from '../EditorContext'

/**
 * The rules outside an element that refer to it or to anything inside it (a panel's questions):
 * what removing it would break.
 *
 * @example
 * rulesBrokenByRemoving(form, { type: 'radiogroup', name: 'theoryStudy' }) // [{ element: 'why', property: 'visibleIf', … }]
 */
export function rulesBrokenByRemoving(
  form: FormJson,
  element: Record<string, unknown>,
): LogicSite[] {
  const names = namesWithin(element)
  const inside = new Set(names.map((n) => n.toLowerCase()))
  const seen = new Set<string>()
  const broken: LogicSite[] = []
  for (const name of names) {
    for (const site of rulesReferring(form, name)) {
      if (inside.has(site.element.toLowerCase()) || seen.has(site.path)) continue
      seen.add(site.path)
      broken.push(site)
    }
  }
  return broken
}

function namesWithin(json: Record<string, unknown>): string[] {
  const names = typeof json.name === 'string' && json.name ? [json.name] : []
  for (const key of ['elements', 'templateElements', 'questions']) {
    const children = json[key]
    if (!Array.isArray(children)) continue
    for (const child of children) {
      if (child && typeof child === 'object') names.push(...namesWithin(child))
    }
  }
  return names
}

/**
 * A rule's name for people: "“why”的显示条件"; a survey-level rule by its number as the form's
 * settings list it, "表单的第 2 条跳题与结束规则".
 */
export function ruleName(site: LogicSite, t: Translate): string {
  const known: Record<string, string> = {
    visibleIf: t('rules.visibleIf'),
    enableIf: t('rules.enableIf'),
    requiredIf: t('rules.requiredIf'),
    triggers: t('rules.prop.triggers'),
    completedHtmlOnCondition: t('rules.prop.completedHtmlOnCondition'),
  }
  const property = known[site.property] ?? site.property
  if (site.element) return t('rules.rule', { element: site.element, property })
  const item = listItemOf(site.path)
  return item === undefined
    ? t('rules.formRule', { property })
    : t('rules.listRule', { n: item + 1, property })
}

/** What a rule does with the question: its condition, or "跳到“why”" for a skip rule's target. */
export function ruleText(site: LogicSite, t: Translate): string {
  return site.path.endsWith('.gotoName')
    ? t('rules.skipTo', { name: site.expression })
    : site.expression
}

/**
 * Asks before an element that rules refer to is removed, naming the rules; true when nothing
 * refers to it or the editor confirms.
 */
export function useConfirmRemove(): (node: NodeView) => boolean {
  const { t } = useI18n()
  const { session } = useEditor()
  return useCallback(
    (node: NodeView) => {
      const broken = rulesBrokenByRemoving(session.view.get().json, node.json)
      if (broken.length === 0) return true
      const rules = broken.map((site) => `· ${ruleName(site, t)}：${ruleText(site, t)}`).join('\n')
      const name = String(node.json.name ?? '')
      return window.confirm(t('rules.confirmRemove', { n: broken.length, name, rules }))
    },
    [session, t],
  )
}
