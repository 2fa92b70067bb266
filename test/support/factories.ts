import type { Db } from '../../server/db/database.ts';
import { hashPassword } from '../../server/modules/auth/passwords.ts';
import { createNetwork } from '../../server/modules/networks/networks.service.ts';

export const OTHER_PASSWORD = 'other-network-password';

/**
 * A second network beside the demo one, with an admin, a case management office,
 * a case manager and one participant: what tenant isolation is tested against.
 */
export async function createOtherNetwork(db: Db, slug = 'solingen-nord') {
  const { networkId, adminId } = await createNetwork(db, {
    slug,
    name: `Netzwerk ${slug}`,
    adminEmail: `admin@${slug}.example`,
    adminName: 'Other Admin',
    adminPassword: OTHER_PASSWORD,
  });
  const city = await db.insertInto('cities').values({ network_id: networkId, name: 'Remscheid' }).returning('id').executeTakeFirstOrThrow();
  const office = await db
    .insertInto('organisations')
    .values({ network_id: networkId, kind: 'case_management_office', name: 'Fallmanagement Remscheid', city_id: city.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const caseManager = await db
    .insertInto('users')
    .values({
      network_id: networkId,
      email: `fm@${slug}.example`,
      display_name: 'Other Case Manager',
      password_hash: await hashPassword(OTHER_PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ network_id: networkId, user_id: caseManager.id, organisation_id: office.id, role: 'case_manager' })
    .execute();
  const participant = await db
    .insertInto('participants')
    .values({
      network_id: networkId,
      office_id: office.id,
      given_names: 'Amal',
      family_name: 'Haddad',
      birth_date: '1990-04-02',
      gender: 'female',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('cases')
    .values({
      network_id: networkId,
      participant_id: participant.id,
      office_id: office.id,
      status: 'active',
      city_id: city.id,
      case_manager_id: caseManager.id,
    })
    .execute();
  return {
    networkId,
    adminId,
    adminEmail: `admin@${slug}.example`,
    cityId: city.id,
    officeId: office.id,
    caseManagerId: caseManager.id,
    caseManagerEmail: `fm@${slug}.example`,
    participantId: participant.id,
  };
}

export async function demoIds(db: Db) {
  const network = await db.selectFrom('networks').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
  const orgs = await db.selectFrom('organisations').select(['id', 'name', 'kind']).where('network_id', '=', network.id).execute();
  const users = await db.selectFrom('users').select(['id', 'email']).where('network_id', '=', network.id).execute();
  const org = (name: string) => orgs.find((o) => o.name.startsWith(name))!.id;
  const user = (email: string) => users.find((u) => u.email === email)!.id;
  return { networkId: network.id, org, user };
}
