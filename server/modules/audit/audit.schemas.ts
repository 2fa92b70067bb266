import { z } from 'zod';
import { listQuery, pageOf } from '../../http/lists.ts';

export const AuditEventView = z.object({
  id: z.string(),
  seq: z.string(),
  at: z.iso.datetime(),
  requestId: z.string().nullable(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditListQuery = listQuery(['at']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = pageOf(AuditEventView);
