import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList, NotificationView } from '../../../server/modules/reminders/reminders.schemas.ts';
import { api } from '../../shared/api/client.ts';

// The user's reminders. The header's count and the page share the key prefix, so a
// mark as read updates both.

const notificationsKey = ['/api/notifications'] as const;

/** The newest reminders, and how many are unread. */
export function useNotifications(limit: number) {
  return useQuery({
    queryKey: [...notificationsKey, limit],
    queryFn: () => api.get<NotificationList>('/api/notifications', { limit }),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationView>(`/api/notifications/${id}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
