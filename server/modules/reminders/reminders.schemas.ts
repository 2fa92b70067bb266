import { z } from 'zod';
import { IsoDate } from '../participants/participants.schemas.ts';

/** What a reminder is about; the web app and the email translate each kind. */
export const NOTIFICATION_KINDS = [
  'step_due',
  'task_due',
  'appointment_upcoming',
  'conference_upcoming',
  'referral_new',
  'residence_expiry',
  'follow_up_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationView = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    /** The record the reminder points at: plan_step, referral_task, appointment, referral, residence_status. */
    entityType: z.string(),
    entityId: z.uuid().nullable(),
    /** The participant the record belongs to (an id only: reminders never carry names). */
    participantId: z.uuid().nullable(),
    referralId: z.uuid().nullable(),
    /** The day it falls due: a step's or task's due date, a document's expiry, an appointment's day. */
    dueOn: IsoDate.nullable(),
    /** For appointments: when it starts. */
    startsAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'NotificationView', description: 'A reminder for the logged-in user. Carries ids, never names.' });
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationList = z
  .object({
    items: z.array(NotificationView),
    /** All unread reminders of the user, not only those in items. */
    unread: z.number().int(),
  })
  .meta({ id: 'NotificationList', description: 'The newest reminders and the number of unread ones.' });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'How many of the newest reminders' }),
  unreadOnly: z.enum(['true', 'false']).default('false').meta({ description: 'Only the unread ones' }),
});

export const ReadAllResult = z.object({ marked: z.number().int() }).meta({ id: 'NotificationsReadAll' });
