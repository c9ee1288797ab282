import { asc, eq } from 'drizzle-orm';
import type { DistrictInfo, ParsedInput } from '../../../shared/api/contract';
import type { AppDatabase } from '../../../db/open-database';
import { courtLocations, courtrooms, districts } from '../../../db/schema';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';

/** The district this database file belongs to (one file per district), or null on a first start. */
export function getDistrict(db: AppDatabase): DistrictInfo | null {
  const district = db.select().from(districts).orderBy(asc(districts.id)).limit(1).get();
  if (!district) return null;
  const locations = db
    .select()
    .from(courtLocations)
    .where(eq(courtLocations.districtId, district.id))
    .orderBy(asc(courtLocations.id))
    .all();
  const rooms = db.select().from(courtrooms).orderBy(asc(courtrooms.id)).all();
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

export function createDistrict(db: AppDatabase, input: ParsedInput<'district.create'>, actor: string, now: Date): DistrictInfo {
  return db.transaction((tx) => {
    if (tx.select({ id: districts.id }).from(districts).limit(1).get()) {
      throw new ServiceError('CONFLICT', 'Dit databasebestand hoort al bij een arrondissement.');
    }
    const district = tx.insert(districts).values({ code: input.code, name: input.name }).returning().get();
    for (const location of input.locations) {
      const row = tx
        .insert(courtLocations)
        .values({ districtId: district.id, name: location.name, city: location.city })
        .returning()
        .get();
      for (const room of location.rooms) tx.insert(courtrooms).values({ locationId: row.id, name: room }).run();
    }
    recordAudit(tx, { actor, action: 'district.created', entityType: 'district', entityId: district.id, details: input, occurredAt: now.toISOString() });
    return getDistrict(tx as unknown as AppDatabase) as DistrictInfo;
  });
}
