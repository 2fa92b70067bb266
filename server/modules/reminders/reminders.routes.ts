import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { NotificationList, NotificationQuery, NotificationView, ReadAllResult } from './reminders.schemas.ts';
import * as service from './reminders.service.ts';

// Every logged-in user has reminders; a user only ever sees their own.
export function reminderRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get('/api/notifications', { schema: { tags, querystring: NotificationQuery, response: { 200: NotificationList } } }, (request) =>
    service.listNotifications(db, serviceContext(request), {
      limit: request.query.limit,
      unreadOnly: request.query.unreadOnly === 'true',
    }),
  );
  r.post('/api/notifications/read-all', { schema: { tags, response: { 200: ReadAllResult } } }, (request) =>
    service.markAllRead(db, serviceContext(request)),
  );
  r.post('/api/notifications/:id/read', { schema: { tags, params: IdParams, response: { 200: NotificationView } } }, (request) =>
    service.markRead(db, serviceContext(request), request.params.id),
  );
}
