import { lazy, Suspense, useEffect } from 'react'
import { SessionProvider, useSession } from './auth/SessionProvider'
import { SignInPage } from './auth/SignInPage'
import { useReturnToNext } from './auth/useReturnToNext'
import { EditorPage } from './editor/EditorPage'
import { FormListPage } from './forms/FormListPage'
import { HomePage } from './home/HomePage'
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
// Each role's home and the rectification screens load only when opened.
const OverviewPage = lazy(() =>
  import('./home/OverviewPage').then((m) => ({ default: m.OverviewPage })),
)
const ReviewHomePage = lazy(() =>
  import('./home/ReviewHomePage').then((m) => ({ default: m.ReviewHomePage })),
)
const RectificationReviewPage = lazy(() =>
  import('./rectifications/RectificationReviewPage').then((m) => ({
    default: m.RectificationReviewPage,
  })),
)
const RectificationPage = lazy(() =>
  import('./rectifications/RectificationPage').then((m) => ({ default: m.RectificationPage })),
)
// The assessor's home (上级考评) loads only when opened.
const AssessorHomePage = lazy(() =>
  import('./assess/AssessorHomePage').then((m) => ({ default: m.AssessorHomePage })),
)
// What the office uses to run a campaign: its settings, participation and QR link sheet.
const CampaignSettingsPage = lazy(() =>
  import('./campaigns/CampaignSettingsPage').then((m) => ({ default: m.CampaignSettingsPage })),
)
const ParticipationPage = lazy(() =>
  import('./campaigns/ParticipationPage').then((m) => ({ default: m.ParticipationPage })),
)
const LinkSheetPage = lazy(() =>
  import('./campaigns/LinkSheetPage').then((m) => ({ default: m.LinkSheetPage })),
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
  const { locale, t } = useI18n()
  // A link that sent the user to sign in (`/?next=…`) is where they go once signed in.
  const leaving = useReturnToNext()
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  if (!session) return <SignInPage />
  if (leaving) return <p className="page muted">{t('signIn.returning')}</p>
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
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'overview':
      return <OverviewPage />
    case 'review':
      return <ReviewHomePage />
    case 'rectifications':
      return <RectificationReviewPage />
    case 'rectification':
      return <RectificationPage key={route.id} id={route.id} />
    case 'forms':
      return <FormListPage />
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
    case 'campaignSettings':
      return <CampaignSettingsPage key={route.campaignId} campaignId={route.campaignId} />
    case 'participation':
      return <ParticipationPage key={route.campaignId} campaignId={route.campaignId} />
    case 'linkSheet':
      return <LinkSheetPage key={route.campaignId} campaignId={route.campaignId} />
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
    case 'assess':
      return <AssessorHomePage />
    case 'notFound':
      return (
        <main className="page">
          <p>404</p>
          <Link to="/">{t('home.back')}</Link>
        </main>
      )
  }
}
