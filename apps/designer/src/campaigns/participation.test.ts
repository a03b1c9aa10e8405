import { describe, expect, it } from 'vitest'
import type { SourceParticipation, UnitParticipation } from '../api/campaign-office'
import { en } from '../i18n/en'
import { translator } from '../i18n/translate'
import { progressText, reminderText } from './participation'

const entry = (patch: Partial<SourceParticipation>): SourceParticipation => ({
  answered: 0,
  expected: 1,
  basis: 'one',
  status: 'none',
  tokensIssued: 0,
  tokensUsed: 0,
  url: 'https://ys.example.cn/s/abc',
  ...patch,
})

const units: UnitParticipation[] = [
  {
    unitId: 1,
    name: '第一党支部',
    unitType: 'organ',
    parentId: 9,
    parentName: '第一分工委',
    pending: ['members'],
    sources: {
      members: entry({ answered: 1, expected: 3, basis: 'tokens', status: 'partial' }),
      superior: entry({ answered: 1, status: 'complete' }),
    },
  },
  {
    unitId: 2,
    name: '第二党支部',
    unitType: null,
    parentId: null,
    parentName: null,
    pending: ['members', 'superior'],
    sources: {
      members: entry({ expected: null, basis: 'none', url: 'https://ys.example.cn/s/def' }),
      superior: entry({ url: 'https://ys.example.cn/s/ghi' }),
    },
  },
]

describe('the reminder list', () => {
  it('has one line per branch and source still owed, with its progress and URL', () => {
    expect(reminderText(units, ['members', 'superior'], translator()).split('\n')).toEqual([
      '第一分工委 第一党支部：党员群众测评 1 / 3 https://ys.example.cn/s/abc',
      '第二党支部：党员群众测评 0 https://ys.example.cn/s/def',
      '第二党支部：上级考评 0 / 1 https://ys.example.cn/s/ghi',
    ])
  })

  it('keeps to the sources asked for, in the reader’s language', () => {
    expect(reminderText(units, ['superior'], translator(en))).toBe(
      '第二党支部: Superior’s evaluation 0 / 1 https://ys.example.cn/s/ghi',
    )
  })

  it('shows progress against the target, or the count alone without one', () => {
    expect(progressText(entry({ answered: 2, expected: 5 }))).toBe('2 / 5')
    expect(progressText(entry({ answered: 2, expected: null }))).toBe('2')
  })
})
