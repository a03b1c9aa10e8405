import type { LinkError, LinkSubmitted } from '@yardstick/sdk'
import { YardstickSurvey } from '@yardstick/sdk/react'
import { useState } from 'react'

// Which survey: a real portal knows its server and link; this example reads them from its
// address: /?server=http://127.0.0.1:3000&link=<slug>&token=<token>
const query = new URLSearchParams(location.search)
const server = query.get('server') ?? 'http://127.0.0.1:3000'
const link = query.get('link') ?? ''
const token = query.get('token') ?? undefined

/** A small portal page: its own header, and the survey answered in place. */
export function App() {
  const [status, setStatus] = useState<string | null>(null)
  const submitted = (result: LinkSubmitted) =>
    setStatus(`门户已收到提交回执：答卷编号 ${result.id}${result.replayed ? '（重试）' : ''}`)
  const failed = (error: LinkError) => setStatus(`门户记录到错误：${error.code}`)
  return (
    <>
      <header className="portal-header">
        <span className="portal-brand">机关党建门户</span>
        <nav aria-label="门户导航">
          <a href="/">首页</a>
          <a href="/">党员测评</a>
        </nav>
      </header>
      <main>
        <h1 className="portal-title">群众满意率测评</h1>
        {link ? (
          <YardstickSurvey
            server={server}
            link={link}
            token={token}
            onSubmitted={submitted}
            onError={failed}
          />
        ) : (
          <p role="alert">
            缺少 link 参数：请在地址中给出 ?link=&lt;答题链接&gt;&amp;token=&lt;凭证&gt;
          </p>
        )}
        {status && (
          <p className="portal-status" role="status">
            {status}
          </p>
        )}
      </main>
    </>
  )
}
