/** One's own account (修改密码), in Simplified Chinese. Spread into the designer's table. */
export const accountZhCN = {
  'nav.password': '修改密码',
  'password.title': '修改密码',
  'password.required':
    '{name}，你正在使用管理员发给你的临时密码。请先设置自己的新密码，然后才能继续使用。',
  'password.changed': '密码已修改',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.again': '再次输入新密码',
  'password.hint': '至少 10 位；不要用常见密码，也不要用与姓名、邮箱相近的写法。',
  'password.mismatch': '两次输入的新密码不一致',
  'password.submit': '修改密码',
  'password.reason.tooShort': '太短：至少需要 {n} 位',
  'password.reason.common': '这是常见密码，很容易被猜到',
  'password.reason.guessable': '太容易猜到（例如与姓名、邮箱相近，或有简单规律）',
} as const
