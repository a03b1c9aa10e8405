import { SOURCE_RESPONDENTS } from '@yardstick/sdk/domain'
import { describe, expect, it } from 'vitest'
import { embedSnippet, linkUrl, linkUse, tokensCsv, tokenUrl } from './links'

describe('respondent links, embed snippets and token files', () => {
  it('builds the link URL and the embed snippet the brief names', () => {
    expect(linkUrl('https://ys.example.org', '/s/abc')).toBe('https://ys.example.org/s/abc')
    expect(embedSnippet('https://ys.example.org', 'abc')).toBe(
      '<script type="module" src="https://ys.example.org/embed.js"></script>' +
        '<yardstick-survey server="https://ys.example.org" link="abc" locale="zh-cn"></yardstick-survey>',
    )
  })

  it('shows in an anonymous survey’s snippet where each respondent’s token goes', () => {
    const snippet = embedSnippet('https://ys.example.org', 'abc', {
      locale: 'en',
      tokenHint: 'Put the respondent’s one-time token -- from their slip -- in token',
    })
    expect(snippet.split('\n')).toEqual([
      '<script type="module" src="https://ys.example.org/embed.js"></script>',
      '<!-- Put the respondent’s one-time token - from their slip - in token -->',
      '<yardstick-survey server="https://ys.example.org" link="abc" token="TOKEN" locale="en"></yardstick-survey>',
    ])
  })

  it('hands out links by who answers: members’ publicly, none for a self-check or signed-in raters', () => {
    expect(Object.fromEntries(SOURCE_RESPONDENTS.map((by) => [by, linkUse(by)]))).toEqual({
      selfCheck: 'workflow',
      members: 'public',
      assessors: 'signedIn',
      panel: 'signedIn',
    })
  })

  it('escapes attribute values, so a strange origin cannot break out of the snippet', () => {
    expect(embedSnippet('http://x"><script>', 's')).not.toContain('"><script>')
  })

  it('writes tokens as CSV with a BOM, one full respondent URL per token', () => {
    const csv = tokensCsv('http://127.0.0.1:3000', 'slug1', ['AB12-CD34', 'EF56-GH78'])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'token,link',
      'AB12-CD34,http://127.0.0.1:3000/s/slug1?token=AB12-CD34',
      'EF56-GH78,http://127.0.0.1:3000/s/slug1?token=EF56-GH78',
      '',
    ])
    expect(tokenUrl('http://h', 's', 'a b')).toBe('http://h/s/s?token=a%20b')
  })
})
