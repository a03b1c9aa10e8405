import type { Locale } from '../text'
import type { LinkError } from './types'

/** What a respondent reads around an embedded survey, in zh-CN and English. */
export const LINK_TEXT = {
  'zh-CN': {
    loading: '正在加载问卷…',
    submitting: '正在提交…',
    offline: '网络已断开：答卷已保存在本机，恢复联网后会自动提交，请勿关闭页面。',
    retrying: '服务器暂时无法响应，正在重试…',
    resuming: '正在提交上次未发送成功的答卷…',
    thanks: '感谢您的参与，答卷已提交。',
    invalid: '有答案未通过校验，请按题目下方的提示修改后再提交。',
    score: (score: string, max: string, percent: string) =>
      `您的得分：${score} / ${max}（${percent}%）`,
    switchTo: 'English',
    switchLabel: 'Switch to English',
  },
  en: {
    loading: 'Loading the survey…',
    submitting: 'Submitting…',
    offline:
      'You are offline: your answers are saved on this device and will be sent when the network is back. Keep this page open.',
    retrying: 'The server is not answering; retrying…',
    resuming: 'Sending the answers saved earlier…',
    thanks: 'Thank you: your answers have been submitted.',
    invalid:
      'Some answers were not accepted: see the notes under the questions, then submit again.',
    score: (score: string, max: string, percent: string) =>
      `Your score: ${score} / ${max} (${percent}%)`,
    switchTo: '中文',
    switchLabel: '切换到中文',
  },
} as const satisfies Record<Locale, unknown>

type Texts = Record<Locale, string>

const ERROR_TEXT = {
  alreadyRated: {
    'zh-CN': '您已对这个单位作过评议：每位评议人对每个单位只评议一次。',
    en: 'You have already rated this unit: each panel member rates each unit once.',
  },
  tokenUsed: {
    'zh-CN': '这个答题凭证已经用过了：每个凭证只能提交一份答卷，不能重复提交。',
    en: 'This token has already been used: each token answers once, so it cannot be used again.',
  },
  tokenInvalid: {
    'zh-CN': '答题凭证无效：它不属于这份问卷，请核对后重新打开。',
    en: 'This token is not valid for this survey: check it and open the survey again.',
  },
  idempotencyKeyReused: {
    'zh-CN': '这份答卷此前已以不同内容提交过，本次提交未被保存：请刷新页面后重新作答。',
    en: 'These answers were submitted before with other content, so this submission was not stored: reload the page and answer again.',
  },
  tokenRequired: {
    'zh-CN': '这份问卷为匿名测评，需要凭一次性答题凭证作答。',
    en: 'This survey is anonymous: answer it with your one-time token.',
  },
  campaignNotOpen: {
    'zh-CN': '本次测评当前不接受答卷（未开始或已结束）。',
    en: 'This assessment is not taking answers now (not yet open, or closed).',
  },
  campaignClosed: {
    'zh-CN': '本次测评已经结束，不再接受答卷。感谢您的关注。',
    en: 'This assessment has closed and takes no more answers. Thank you for your interest.',
  },
  timeLimitExceeded: {
    'zh-CN': '答题时间已到：超过限时后提交的答卷不再接受。',
    en: 'Time is up: answers sent after the time limit are no longer accepted.',
  },
  attemptNotStarted: {
    'zh-CN': '这份答卷限时作答，请先点击“开始答题”再提交。',
    en: 'This quiz is timed: press “Start” before submitting your answers.',
  },
  forbidden: {
    'zh-CN': '您的账号无权填写这份考评表：这个单位不在您负责考评的范围内。',
    en: 'Your account may not fill in this scorecard: the unit is not one you assess.',
  },
  conflict: {
    'zh-CN': '这份表不通过链接提交，请登录后在相应流程中填写。',
    en: 'This form is not submitted through a link: sign in and fill it in its workflow.',
  },
  notFound: {
    'zh-CN': '找不到这份问卷：链接有误或已被删除。',
    en: 'No such survey: the link is wrong or was removed.',
  },
  originNotAllowed: {
    'zh-CN': '本网站未获准嵌入这份问卷，请联系测评组织单位。',
    en: 'This site is not allowed to embed this survey; contact the office running it.',
  },
  // A browser cannot read a refusal without CORS headers (an origin the campaign does not
  // allow), so that case arrives here too.
  network: {
    'zh-CN':
      '无法连接问卷服务器：请检查网络后刷新页面；若仍不行，可能是本网站未获准嵌入这份问卷，请联系测评组织单位。',
    en: 'The survey server cannot be reached: check the network and reload the page; if that does not help, this site may not be allowed to embed the survey — contact the office running it.',
  },
  unauthenticated: {
    'zh-CN': '请先登录再填写。',
    en: 'Sign in to fill this in.',
  },
} as const satisfies Record<string, Texts>
const BY_CODE: Partial<Record<string, Texts>> = ERROR_TEXT

/**
 * The sentence a respondent reads for a link error: ours for the codes a respondent can meet,
 * else the server's own message (already in the requested language where it has one). A
 * `campaignNotOpen` whose details say the campaign opens later names the day and time it opens
 * (in the respondent's time zone); one that has closed says so.
 *
 * @example
 * linkErrorText({ code: 'tokenUsed', status: 409, message: '…', details: null }, 'en')
 */
export function linkErrorText(error: LinkError, locale: Locale): string {
  if (error.code === 'campaignNotOpen') {
    const { status, opensAt, closesAt } = (error.details ?? {}) as Record<string, unknown>
    const now = Date.now()
    const opens = typeof opensAt === 'string' ? Date.parse(opensAt) : Number.NaN
    const closes = typeof closesAt === 'string' ? Date.parse(closesAt) : Number.NaN
    if (status === 'closed' || closes < now) return ERROR_TEXT.campaignClosed[locale]
    if (opens > now) {
      const when = formatTime(opens, locale)
      return locale === 'en'
        ? `This assessment has not opened yet: it opens on ${when}. Please come back then.`
        : `本次测评尚未开始，将于 ${when} 开始接受答卷，届时请再打开本链接。`
    }
  }
  return BY_CODE[error.code]?.[locale] ?? error.message
}

/**
 * A moment as a respondent reads it, in their time zone: '2026年3月1日 09:00' or
 * '1 March 2026 at 09:00'.
 *
 * @example
 * formatTime(Date.parse('2026-03-01T01:00:00Z'), 'zh-CN') // '2026年3月1日 09:00' in UTC+8
 */
export function formatTime(time: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(time)
}
