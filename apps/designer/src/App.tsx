import { lazy, Suspense, useEffect } from 'react'
import { SessionProvider, useSession } from './auth/SessionProvider'
import { SignInPage } from './auth/SignInPage'
import { useReturnToNext } from './auth/useReturnToNext'
import { FormListPage } from './forms/FormListPage'
import { HomePage } from './home/HomePage'
import { I18nProvider, useI18n } from './i18n/I18nProvider'
import { AppHeader } from './layout/AppHeader'
import { Link, navigate, useRoute } from './router'

// Campaigns and results (with ECharts) load only when opened.
// The editor loads on demand: it edits through @yardstick/doc, which checks slots against
// survey-core's Serializer, and survey-core stays out of the first script (test/build.test.ts).
const EditorPage = lazy(() =>
  import('./editor/EditorPage').then((m) => ({ default: m.EditorPage })),
)
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
const ReportPage = lazy(() =>
  import('./campaigns/ReportPage').then((m) => ({ default: m.ReportPage })),
)
const BlankFormPage = lazy(() =>
  import('./forms/BlankFormPage').then((m) => ({ default: m.BlankFormPage })),
)
const UnitDetailPage = lazy(() =>
  import('./campaigns/UnitDetailPage').then((m) => ({ default: m.UnitDetailPage })),
)
// The admin's screens (系统管理) and one's own password load only when opened.
const OrgsPage = lazy(() => import('./admin/OrgsPage').then((m) => ({ default: m.OrgsPage })))
const OrgImportPage = lazy(() =>
  import('./admin/OrgImportPage').then((m) => ({ default: m.OrgImportPage })),
)
const UsersPage = lazy(() => import('./admin/UsersPage').then((m) => ({ default: m.UsersPage })))
const PeopleImportPage = lazy(() =>
  import('./admin/PeopleImportPage').then((m) => ({ default: m.PeopleImportPage })),
)
const AuditPage = lazy(() => import('./admin/AuditPage').then((m) => ({ default: m.AuditPage })))
const ChangePasswordPage = lazy(() =>
  import('./account/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
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
  const { session, checking } = useSession()
  const { locale, t } = useI18n()
  // A link that sent the user to sign in (`/?next=…`) is where they go once signed in.
  const leaving = useReturnToNext()
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  // Until the server said whom the cookie signs in: neither the sign-in page nor the app.
  if (checking) return null
  if (!session) return <SignInPage />
  if (leaving) return <p className="page muted">{t('signIn.returning')}</p>
  // Signed in with a temporary password: changing it is the one thing to do (then `/`, the
  // role's home); the server refuses everything else with `passwordChangeRequired` meanwhile.
  if (session.user.mustChangePassword) return <MustChangePassword />
  return (
    <div className="app">
      <AppHeader />
      <Suspense fallback={<p className="page muted">…</p>}>
        <Page />
      </Suspense>
    </div>
  )
}

function MustChangePassword() {
  useEffect(() => {
    navigate('/account/password', { replace: true })
  }, [])
  return (
    <div className="app">
      <AppHeader minimal />
      <Suspense fallback={<p className="page muted">…</p>}>
        <ChangePasswordPage required />
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
    case 'report':
      return <ReportPage key={route.campaignId} campaignId={route.campaignId} />
    case 'blankForm':
      return (
        <BlankFormPage
          key={`${route.formId}/${route.version}`}
          formId={route.formId}
          version={route.version}
        />
      )
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
    case 'adminOrgs':
      return <OrgsPage />
    case 'orgImport':
      return <OrgImportPage />
    case 'adminUsers':
      return <UsersPage />
    case 'peopleImport':
      return <PeopleImportPage />
    case 'audit':
      return <AuditPage />
    case 'password':
      return <ChangePasswordPage />
    case 'notFound':
      return (
        <main className="page">
          <p>404</p>
          <Link to="/">{t('home.back')}</Link>
        </main>
      )
  }
}
