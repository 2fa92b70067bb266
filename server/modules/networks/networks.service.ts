import { isUniqueViolation } from '../../db/errors.ts';
import type { Db } from '../../db/database.ts';
import { Invalid } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { insertDefaultSkills } from '../catalogues/catalogues.service.ts';
import { insertDefaultStepTypes } from '../plans/plans.service.ts';
import type { NetworkCreateInput } from './networks.schemas.ts';

/**
 * A new tenant with its first network admin. Only the CLI does this: a network
 * admin administers one network and cannot create others.
 */
export async function createNetwork(db: Db, input: NetworkCreateInput): Promise<{ networkId: string; adminId: string }> {
  const passwordHash = await hashPassword(input.adminPassword);
  try {
    return await db.transaction().execute(async (tx) => {
      const { id: networkId } = await tx
        .insertInto('networks')
        .values({ slug: input.slug, name: input.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: adminId } = await tx
        .insertInto('users')
        .values({ network_id: networkId, email: input.adminEmail, display_name: input.adminName, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('memberships')
        .values({ network_id: networkId, user_id: adminId, role: 'network_admin', organisation_id: null })
        .execute();
      await insertDefaultSkills(tx, networkId);
      await insertDefaultStepTypes(tx, networkId);
      await recordAudit(
        tx,
        { networkId, actor: null, requestId: 'cli' },
        { action: 'network.create', entityType: 'network', entityId: networkId, details: { adminId } },
      );
      return { networkId, adminId };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'networks_slug_key'))
      throw new Invalid('A network with this slug exists', { slug: ['A network with this slug exists'] });
    if (isUniqueViolation(err, 'users_email_key'))
      throw new Invalid('This email address is already in use', { adminEmail: ['This email address is already in use'] });
    throw err;
  }
}
