// The campaign office's shapes are the server's contract (type-only: erased from the bundle).
export type {
  CampaignSettingsChange,
  ExpectedBasis,
  Participation,
  ParticipationStatus,
  SourceParticipation,
  UnitParticipation,
} from '@yardstick/contract'
