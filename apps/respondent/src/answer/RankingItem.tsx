import type { ItemValue, QuestionRankingModel } from 'survey-core'
import { ReactElementFactory, SurveyElementBase } from 'survey-react-ui'
import { TEXT } from '../i18n'

/** The name the ranking items below are registered under (a question's `itemComponent`). */
export const RANKING_ITEM = 'rs-ranking-item'

interface RankingItemProps {
  item: ItemValue
  cssClasses: { controlLabel: string }
}

/**
 * A ranking choice with 上移/下移 buttons beside its text, so a ranking can be answered by
 * tapping (WCAG 2.5.7: no dragging needed; a phone's drag also fights the page's scrolling).
 * Dragging and SurveyJS's arrow keys still work.
 */
function RankingItem({ item, cssClasses }: RankingItemProps) {
  const question = item.locOwner as unknown as QuestionRankingModel
  const text = TEXT[question.getLocale() === 'en' ? 'en' : 'zh-CN']
  const order = question.rankingChoices
  const index = order.indexOf(item)
  const label = item.text
  const move = (delta: -1 | 1) => {
    const values = order.map((choice) => choice.value)
    const to = index + delta
    ;[values[index], values[to]] = [values[to], values[index]]
    question.value = values
    // The moved choice keeps the focus, at its new place (or on its other button at an end).
    window.setTimeout(() => {
      const moved = document.getElementById(question.getItemId(item))
      const buttons = moved?.querySelectorAll<HTMLButtonElement>('.rs-rank-move') ?? []
      const same = buttons[delta < 0 ? 0 : 1]
      ;(same && !same.disabled ? same : buttons[delta < 0 ? 1 : 0])?.focus()
    }, 0)
  }
  // The item's own pointerdown starts a drag: a tap on a button is not one.
  const stop = (event: { stopPropagation: () => void }) => event.stopPropagation()
  return (
    <div className="rs-rank-item">
      <div className={cssClasses.controlLabel}>
        {SurveyElementBase.renderLocString(item.locText)}
      </div>
      <span className="rs-rank-moves">
        <button
          type="button"
          className="rs-rank-move"
          disabled={question.isReadOnly || index <= 0}
          aria-label={text.moveUpLabel(label)}
          onPointerDown={stop}
          onClick={() => move(-1)}
        >
          <span aria-hidden="true">↑ </span>
          {text.moveUp}
        </button>
        <button
          type="button"
          className="rs-rank-move"
          disabled={question.isReadOnly || index < 0 || index >= order.length - 1}
          aria-label={text.moveDownLabel(label)}
          onPointerDown={stop}
          onClick={() => move(1)}
        >
          <span aria-hidden="true">↓ </span>
          {text.moveDown}
        </button>
      </span>
    </div>
  )
}

ReactElementFactory.Instance.registerElement(RANKING_ITEM, (props) => (
  <RankingItem {...(props as RankingItemProps)} />
))

/**
 * Gives every ranking question of the form the 上移/下移 buttons.
 *
 * @example
 * rankWithButtons(model)
 */
export function rankWithButtons(model: { getAllQuestions: () => Array<{ getType(): string }> }) {
  for (const question of model.getAllQuestions()) {
    if (question.getType() !== 'ranking') continue
    ;(question as unknown as QuestionRankingModel).itemComponent = RANKING_ITEM
    // survey-core 3.1.1 puts aria-required on the ranking's role="group", which ARIA does not
    // allow there (axe: aria-allowed-attr); the title's * and the error summary say it.
    Object.defineProperty(question, 'ariaRequired', { configurable: true, get: () => null })
  }
}
