import { Hono } from 'hono'
import { html } from 'hono/html'

/** A demo account as the home page lists it: never with its password. */
export interface ListedAccount {
  role: string
  email: string
  name: string
  scope: string
}

/**
 * `/`: until the designer is served here, a plain page that says what runs on this port, links
 * the API reference, and lists the demo accounts (passwords are printed in the terminal only).
 */
export function homeRoutes(accounts: readonly ListedAccount[]) {
  const home = new Hono()
  home.get('/', (c) =>
    c.html(html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>标尺 Yardstick</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}</style></head>
<body><h1>标尺 Yardstick</h1>
<p>党支部自检自查、群众满意率测评与综合评定 — collaborative assessment forms and surveys.</p>
<ul>
<li><a href="/api/docs">API 文档 API reference</a> (<a href="/api/openapi.json">openapi.json</a>)</li>
<li><a href="/api/health">/api/health</a></li>
</ul>
<h2>演示账号 Demo accounts</h2>
${
  accounts.length === 0
    ? html`<p>No demo data (SEED_DEMO=false).</p>`
    : html`<table><tr><th>角色 Role</th><th>邮箱 Email</th><th>姓名 Name</th><th>范围 Scope</th></tr>
${accounts.map((a) => html`<tr><td>${a.role}</td><td>${a.email}</td><td>${a.name}</td><td>${a.scope}</td></tr>`)}</table>
<p>密码见启动终端输出 — passwords are printed in the terminal that started the server.</p>`
}
</body></html>`),
  )
  return home
}
