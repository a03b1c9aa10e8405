import { type LocalizedText, localizedText } from '@yardstick/sdk'
import { useMemo } from 'react'
import type { Version } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import type { BlankCondition } from './blank-condition'
import { type BlankItem, blankForm } from './blank-form'
import '../campaigns/report.css'

/**
 * A published form version as a blank paper form, for offices that collect forms on paper and
 * type them in: every question with boxes to tick and lines to write on, A4 on paper; a
 * conditional question says when it is answered (nothing hides it on paper).
 */
export function BlankFormPage({ formId, version }: { formId: number; version: number }) {
  const { t, locale } = useI18n()
  const api = useApi()
  const errorText = useErrorText()
  const path = `/api/forms/${formId}/versions/${version}`
  const loaded = useResource(path, (signal) => api<Version>(path, { signal }))
  const json = loaded.data?.json
  const items = useMemo(
    () => (json ? blankForm(json, locale, { yes: t('blankForm.yes'), no: t('blankForm.no') }) : []),
    [json, locale, t],
  )
  return (
    <main className="page blank-form-page">
      <div className="report-toolbar no-print">
        <Link to={`/forms/${formId}`}>← {t('blankForm.back')}</Link>
        <span className="spacer" />
        <button type="button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      {loaded.error && (
        <p role="alert" className="error">
          {errorText(loaded.error)}
        </p>
      )}
      {!json && !loaded.error && <p className="muted">{t('blankForm.loading')}</p>}
      {json && (
        <article className="blank-form" lang={locale}>
          <header className="blank-form-head">
            <h1>
              {t('blankForm.title', {
                title: localizedText(json.title as LocalizedText | undefined, locale),
                n: version,
              })}
            </h1>
            <div className="blank-form-fill">
              <p>
                {t('blankForm.unit')}
                <span />
              </p>
              <p>
                {t('blankForm.respondent')}
                <span />
              </p>
              <p>
                {t('blankForm.date')}
                <span />
              </p>
            </div>
          </header>
          {items.map((item, i) => (
            <BlankEntry key={item.kind === 'heading' ? `h${i}` : item.name} item={item} />
          ))}
        </article>
      )}
    </main>
  )
}

function BlankEntry({ item }: { item: BlankItem }) {
  const { t } = useI18n()
  if (item.kind === 'heading') {
    const Heading = item.level === 2 ? 'h2' : 'h3'
    return (
      <>
        <Heading className="blank-page-title">{item.title}</Heading>
        {item.description && <p className="muted">{item.description}</p>}
        {item.condition && <ConditionNote condition={item.condition} />}
      </>
    )
  }
  const notes = [
    item.required && t('blankForm.required'),
    item.kind === 'choices' && item.multiple && t('blankForm.multiple'),
    item.kind === 'choices' &&
      item.maxScore !== null &&
      t('blankForm.points', { n: item.maxScore }),
  ].filter(Boolean)
  return (
    <section className="blank-question" data-question={item.name}>
      <div className="blank-question-title">
        {item.title} <span className="muted">{notes.join(' ')}</span>
      </div>
      {item.condition && <ConditionNote condition={item.condition} />}
      {item.kind === 'choices' && (
        <ul className="blank-choices">
          {item.choices.map((choice) => (
            <li key={choice}>
              <span
                className={item.multiple ? 'blank-box' : 'blank-box round'}
                aria-hidden="true"
              />
              {choice}
            </li>
          ))}
        </ul>
      )}
      {item.kind === 'lines' &&
        Array.from({ length: item.lines }, (_, n) => <div key={n} className="blank-line" />)}
      {item.kind === 'fields' &&
        item.fields.map((field) => (
          <div key={field} className="blank-line">
            {field}：
          </div>
        ))}
      {item.kind === 'matrix' && (
        <table className="report-table">
          <thead>
            <tr>
              <td />
              {item.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.rows.map((row) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {item.columns.map((column) => (
                  <td key={column}>
                    <span className="blank-box round" aria-hidden="true" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** "仅当「…」选择「否」时作答" / "Answer only if “…” is “No”": a condition as a sentence. */
function ConditionNote({ condition }: { condition: BlankCondition }) {
  const { t } = useI18n()
  const sentence =
    'expression' in condition
      ? t('blankForm.onlyIfExpression', { expression: condition.expression })
      : t('blankForm.onlyIf', {
          conditions: condition.comparisons
            .map(({ question, op, value }) => t(`blankForm.op.${op}`, { question, value }))
            .join(t(`blankForm.join.${condition.join}`)),
        })
  return <p className="blank-condition">{sentence}</p>
}
