// The API's shapes are the server's contract (@yardstick/contract): its zod schemas' inferred
// types, imported type-only, so they are erased from the bundle and a field the server renames
// is a compile error here. The designer's own names for them are kept as aliases.
import type {
  AssessmentItem,
  AssessmentList,
  Campaign,
  CampaignLink,
  CampaignResults,
  CampaignSource,
  CampaignSummary,
  CommonProblems,
  DimensionResults,
  Form,
  FormDiff,
  FormSummary,
  Grant,
  IssuedTokens,
  LoginResult,
  NewCampaign,
  OrgNode,
  Page,
  Published,
  QuestionResults,
  SessionState,
  UnitDetail,
  UnitDimension,
  UnitRectification,
  UnitResult,
  UnitScorecard,
  User,
  Version,
  VersionSummary,
} from '@yardstick/contract'

export type {
  AssessmentItem,
  AssessmentList,
  CampaignLink,
  CampaignResults,
  CampaignSource,
  CampaignSummary,
  CommonProblems,
  DimensionResults,
  FormSummary,
  Grant,
  IssuedTokens,
  LoginResult,
  NewCampaign,
  OrgNode,
  Page,
  Published,
  QuestionResults,
  SessionState,
  UnitDetail,
  UnitDimension,
  UnitResult,
  UnitScorecard,
  User,
  Version,
  VersionSummary,
}

/** `GET /api/forms/:id`: a form with its current JSON. */
export type FormDetail = Form

/** `GET /api/forms/:id/versions/:a/diff/:b`. */
export type VersionDiff = FormDiff

/** `GET /api/campaigns/:id`. */
export type CampaignDetail = Campaign

/** A rectification as a branch's results detail lists it. */
export type Rectification = UnitRectification
