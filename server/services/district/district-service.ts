import { asc, eq } from 'drizzle-orm';
import type { DistrictInfo, ParsedInput } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import { courtLocations, courtrooms, districts } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import { firstRow, inTransaction, returnedRow } from '../context/query-results';

/** The district this database file belongs to (one file per district), or null on a first start. */
export async function getDistrict(db: AppDatabase): Promise<DistrictInfo | null> {
  const district = firstRow(await db.select().from(districts).orderBy(asc(districts.id)).limit(1));
  if (!district) return null;
  const locations = (await db
    .select()
    .from(courtLocations)
    .where(eq(courtLocations.districtId, district.id))
    .orderBy(asc(courtLocations.id)));
  const rooms = (await db.select().from(courtrooms).orderBy(asc(courtrooms.id)));
  return {
    id: district.id,
    code: district.code,
    name: district.name,
    locations: locations.map((location) => ({
      id: location.id,
      name: location.name,
      city: location.city,
      rooms: rooms.filter((room) => room.locationId === location.id).map((room) => ({ id: room.id, name: room.name })),
    })),
  };
}

export async function createDistrict(db: AppDatabase, input: ParsedInput<'district.create'>, actor: string, now: Date): Promise<DistrictInfo> {
  return await inTransaction(db, async (tx) => {
    if (firstRow(await tx.select({ id: districts.id }).from(districts).limit(1))) {
      throw new ServiceError('CONFLICT', 'Dit databasebestand hoort al bij een arrondissement.');
    }
    const district = returnedRow(await tx.insert(districts).values({ code: input.code, name: input.name }).returning());
    for (const location of input.locations) {
      const row = returnedRow(await tx
        .insert(courtLocations)
        .values({ districtId: district.id, name: location.name, city: location.city })
        .returning());
      for (const room of location.rooms) await tx.insert(courtrooms).values({ locationId: row.id, name: room });
    }
    await recordAudit(tx, { actor, action: 'district.created', entityType: 'district', entityId: district.id, details: input, occurredAt: now.toISOString() });
    return await getDistrict(tx as unknown as AppDatabase) as DistrictInfo;
  });
}
