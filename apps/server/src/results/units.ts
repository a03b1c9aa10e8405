import { type Db, schema, type UnitType } from '@yardstick/db'
import { asc, eq } from 'drizzle-orm'

/** A unit (branch) a campaign assesses, with where it sits in the organisation tree. */
export interface CampaignUnit {
  id: number
  name: string
  unitType: UnitType | null
  parentId: number | null
  /** Materialised path, `/1/4/17/`. */
  path: string
}

/**
 * The units of a campaign, by id.
 *
 * @example
 * const units = await loadCampaignUnits(db, campaign.id)
 */
export async function loadCampaignUnits(db: Db, campaignId: number): Promise<CampaignUnit[]> {
  return db
    .select({
      id: schema.orgs.id,
      name: schema.orgs.name,
      unitType: schema.orgs.unitType,
      parentId: schema.orgs.parentId,
      path: schema.orgs.path,
    })
    .from(schema.campaignUnits)
    .innerJoin(schema.orgs, eq(schema.orgs.id, schema.campaignUnits.unitId))
    .where(eq(schema.campaignUnits.campaignId, campaignId))
    .orderBy(asc(schema.orgs.id))
}
