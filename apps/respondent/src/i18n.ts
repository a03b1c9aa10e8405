import type { Locale } from '@yardstick/sdk/link'

// The page's own words, zh-CN first. What a refusal says (a used token, a closed campaign…) is
// the SDK's `linkErrorText`, by error code: the one home of those sentences; here are the
// headings, buttons and the countdown around them.
const ZH_CN = {
  brand: '标尺 · 在线答题',
  switchTo: 'English',
  switchLabel: 'Switch to English',
  loading: '正在加载…',
  loadingForm: '正在加载问卷…',
  retry: '重新加载',
  print: '打印',
  unit: (name: string) => `测评对象：${name}`,
  // Headings of the pages that leave nothing to answer, by what happened.
  headings: {
    notFound: '找不到这份问卷',
    notYetOpen: '测评尚未开始',
    closed: '测评已结束',
    tokenUsed: '答题凭证已使用',
    tokenInvalid: '答题凭证无效',
    timeUp: '答题时间已到',
    forbidden: '无权填写',
    workflow: '请在流程中填写',
    network: '无法连接服务器',
    failed: '无法打开问卷',
    rendererFailed: '答题页面加载失败',
  },
  rendererFailed: '答题所需的程序未能下载，请检查网络后重新加载本页。',
  failed: '问卷暂时无法打开，请稍后重新加载；若仍不行，请联系测评组织单位。',
  // The token form.
  tokenTitle: '请输入答题凭证',
  tokenIntro:
    '本次测评为匿名测评，凭一次性答题凭证作答。凭证印在发给您的凭证条上，共16位字母和数字（如 7KQ2-M9XD-0RTB-4HZC），输入时不区分大小写，可不输入短横线。',
  tokenLabel: '答题凭证',
  tokenSubmit: '开始答题',
  tokenMalformed: '凭证应为16位字母和数字，请核对凭证条后重新输入。',
  tokenRetry: '重新输入凭证',
  orSignIn: '您也可以登录后作答：',
  // Assessors.
  signInTitle: '请先登录',
  signInIntro: (unit: string) =>
    `这是上级考评表，须由负责考评“${unit}”的考评人员登录后填写。登录后将自动回到本页面。`,
  signInButton: '登录后填写',
  // A timed quiz.
  startTitle: '限时答题',
  startIntro: (minutes: number, questions: number) =>
    `本次答卷共 ${questions} 题，限时 ${minutes} 分钟。点击“开始答题”后开始计时，计时不会因关闭或刷新页面而暂停；时间到时，已作答的内容将自动提交。`,
  startButton: '开始答题',
  starting: '正在开始…',
  timerLabel: '剩余时间',
  timeLeft: (minutes: number) => `剩余 ${minutes} 分钟`,
  secondsLeft: (seconds: number) => `剩余 ${seconds} 秒`,
  timeUp: '时间到，正在提交您的答卷…',
  timedStart: (minutes: number) => `开始计时：限时 ${minutes} 分钟。`,
  // After submitting.
  doneTitle: '提交成功',
  thanks: '感谢您的参与，答卷已提交。',
  score: (score: string, max: string, percent: string) =>
    `您的得分：${score} / ${max}（${percent}%）`,
  quizCorrect: (correct: number, total: number) => `答对 ${correct} 题，共 ${total} 题。`,
  reviewTitle: '答案解析',
  yourAnswer: '您的答案：',
  correctAnswer: '正确答案：',
  unanswered: '未作答',
  right: '正确',
  wrong: '错误',
  // 长辈版 (the elder mode), the one-question-per-page navigation and the error summary.
  elderSwitch: '长辈版',
  elderOn: '开',
  elderOff: '关',
  back: '返回上一题',
  next: '继续',
  errorTitle: '错误：',
  errorSummary: '请先修改以下问题',
  errorCount: (count: number) => `有 ${count} 处需要修改，点击下面的问题可直接前往。`,
  moveUp: '上移',
  moveDown: '下移',
  moveUpLabel: (item: string) => `上移“${item}”`,
  moveDownLabel: (item: string) => `下移“${item}”`,
}

const EN: typeof ZH_CN = {
  brand: 'Yardstick · Answer online',
  switchTo: '中文',
  switchLabel: '切换到中文',
  loading: 'Loading…',
  loadingForm: 'Loading the survey…',
  retry: 'Reload',
  print: 'Print',
  unit: (name: string) => `Assessing: ${name}`,
  headings: {
    notFound: 'No such survey',
    notYetOpen: 'Not open yet',
    closed: 'This assessment has closed',
    tokenUsed: 'Token already used',
    tokenInvalid: 'Token not valid',
    timeUp: 'Time is up',
    forbidden: 'Not yours to fill in',
    workflow: 'Fill this in its workflow',
    network: 'The server cannot be reached',
    failed: 'The survey cannot be opened',
    rendererFailed: 'The answering page did not load',
  },
  rendererFailed:
    'What this page needs to show the form could not be downloaded: check the network, then reload the page.',
  failed:
    'The survey cannot be opened right now: reload the page later, and if that does not help, contact the office running it.',
  tokenTitle: 'Enter your token',
  tokenIntro:
    'This assessment is anonymous: you answer it with a one-time token, printed on the slip you were given. It has 16 letters and digits (e.g. 7KQ2-M9XD-0RTB-4HZC); case and dashes do not matter.',
  tokenLabel: 'Token',
  tokenSubmit: 'Start',
  tokenMalformed: 'A token has 16 letters and digits: check your slip and type it again.',
  tokenRetry: 'Type the token again',
  orSignIn: 'Or sign in to answer:',
  signInTitle: 'Please sign in',
  signInIntro: (unit: string) =>
    `This is a superior’s scorecard: an assessor responsible for “${unit}” signs in to fill it in. You come back to this page after signing in.`,
  signInButton: 'Sign in to fill it in',
  startTitle: 'Timed quiz',
  startIntro: (minutes: number, questions: number) =>
    `This quiz has ${questions} questions and a limit of ${minutes} minutes. The clock starts when you press “Start” and does not stop if you close or reload the page; when time is up, what you have answered is submitted.`,
  startButton: 'Start',
  starting: 'Starting…',
  timerLabel: 'Time left',
  timeLeft: (minutes: number) => `${minutes} minutes left`,
  secondsLeft: (seconds: number) => `${seconds} seconds left`,
  timeUp: 'Time is up: submitting your answers…',
  timedStart: (minutes: number) => `The clock is running: ${minutes} minutes.`,
  doneTitle: 'Submitted',
  thanks: 'Thank you: your answers have been submitted.',
  score: (score: string, max: string, percent: string) =>
    `Your score: ${score} / ${max} (${percent}%)`,
  quizCorrect: (correct: number, total: number) => `${correct} of ${total} answered correctly.`,
  reviewTitle: 'The correct answers',
  yourAnswer: 'Your answer: ',
  correctAnswer: 'Correct answer: ',
  unanswered: 'Not answered',
  right: 'Correct',
  wrong: 'Wrong',
  elderSwitch: 'Senior mode',
  elderOn: 'on',
  elderOff: 'off',
  back: 'Back',
  next: 'Continue',
  errorTitle: 'Error: ',
  errorSummary: 'There is a problem',
  errorCount: (count: number) =>
    `${count === 1 ? 'One answer needs' : `${count} answers need`} changing: select a question below to go to it.`,
  moveUp: 'Up',
  moveDown: 'Down',
  moveUpLabel: (item: string) => `Move “${item}” up`,
  moveDownLabel: (item: string) => `Move “${item}” down`,
}

/** The page's words in one language. */
export type PageText = typeof ZH_CN

/** The page's words by language: English has exactly the keys of zh-CN (the type says so). */
export const TEXT: Record<Locale, PageText> = { 'zh-CN': ZH_CN, en: EN }

/** What a page heading names: the kinds of pages that leave nothing to answer. */
export type Heading = keyof PageText['headings']
