import { lazy, Suspense, useEffect } from 'react'
import { SessionProvider, useSession, useSignedIn } from './auth/SessionProvider'
import { SignInPage } from './auth/SignInPage'
import { isBranchOnly } from './branch/units'
import { EditorPage } from './editor/EditorPage'
import { FormListPage } from './forms/FormListPage'
import { I18nProvider, useI18n } from './i18n/I18nProvider'
import { AppHeader } from './layout/AppHeader'
import { Link, useRoute } from './router'

// Campaigns and results (with ECharts) load only when opened.
const CampaignListPage = lazy(() =>
  import('./campaigns/CampaignListPage').then((m) => ({ default: m.CampaignListPage })),
)
const ResultsPage = lazy(() =>
  import('./campaigns/ResultsPage').then((m) => ({ default: m.ResultsPage })),
)
// The branch's pages (SurveyJS and co-filling) load only when opened.
const BranchHomePage = lazy(() =>
  import('./branch/BranchHomePage').then((m) => ({ default: m.BranchHomePage })),
)
const SelfCheckPage = lazy(() =>
  import('./branch/SelfCheckPage').then((m) => ({ default: m.SelfCheckPage })),
)
const NewCampaignPage = lazy(() =>
  import('./campaigns/NewCampaignPage').then((m) => ({ default: m.NewCampaignPage })),
)
const CampaignAdminPage = lazy(() =>
  import('./campaigns/CampaignAdminPage').then((m) => ({ default: m.CampaignAdminPage })),
)
const UnitDetailPage = lazy(() =>
  import('./campaigns/UnitDetailPage').then((m) => ({ default: m.UnitDetailPage })),
)

/** The designer: sign-in, then forms, the editor, campaigns and their results. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  )
}

function Shell() {
  const { session } = useSession()
  const { locale } = useI18n()
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  if (!session) return <SignInPage />
  return (
    <div className="app">
      <AppHeader />
      <Suspense fallback={<p className="page muted">…</p>}>
        <Page />
      </Suspense>
    </div>
  )
}

function Page() {
  const route = useRoute()
  const { t } = useI18n()
  const { user } = useSignedIn()
  switch (route.page) {
    case 'forms':
      return isBranchOnly(user) ? <BranchHomePage /> : <FormListPage />
    case 'editor':
      return <EditorPage key={route.formId} formId={route.formId} />
    case 'campaigns':
      return <CampaignListPage />
    case 'results':
      return <ResultsPage key={route.campaignId} campaignId={route.campaignId} />
    case 'newCampaign':
      return <NewCampaignPage />
    case 'campaignAdmin':
      return <CampaignAdminPage key={route.campaignId} campaignId={route.campaignId} />
    case 'unitDetail':
      return (
        <UnitDetailPage
          key={`${route.campaignId}/${route.unitId}`}
          campaignId={route.campaignId}
          unitId={route.unitId}
        />
      )
    case 'branch':
      return <BranchHomePage />
    case 'selfCheck':
      return (
        <SelfCheckPage
          key={`${route.campaignId}:${route.unitId}`}
          campaignId={route.campaignId}
          unitId={route.unitId}
        />
      )
    case 'notFound':
      return (
        <main className="page">
          <p>404</p>
          <Link to="/">{t('nav.forms')}</Link>
        </main>
      )
  }
}
