import { satisfactionForm } from '@yardstick/sdk'

/** A three-aspect member satisfaction survey, written in code with the SDK's builder. */
export const memberSurvey = satisfactionForm({
  title: { default: '党员群众满意度测评', en: 'Member satisfaction survey' },
  aspects: [
    { name: 'study', title: { default: '政治理论学习', en: 'Political study' } },
    { name: 'meetings', title: { default: '组织生活', en: 'Organisational life' } },
    { name: 'service', title: { default: '联系服务群众', en: 'Serving the people' } },
  ],
})
