import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../server/modules/offers/offers.schemas.ts';
import type { AttendanceView, EnrolmentView } from '../../../server/modules/offers/enrolments.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { attendanceLabel } from './labels.ts';
import { offerEnrolmentsKey } from './queries.ts';

/** One person's attendance on one session date, saved as soon as it is chosen. */
export function AttendanceCell({ enrolment, sessionOn, name }: { enrolment: EnrolmentView; sessionOn: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const entry = enrolment.attendance.find((a) => a.sessionOn === sessionOn);
  const save = useMutation({
    mutationFn: (status: AttendanceStatus) =>
      api.put<AttendanceView>(`/api/enrolments/${enrolment.id}/attendance/${sessionOn}`, { status, version: entry?.version ?? null }),
    // A 409 (someone else recorded it) reloads the list, so the cell shows what is stored.
    onSettled: () => queryClient.invalidateQueries({ queryKey: offerEnrolmentsKey(enrolment.offerId) }),
  });
  return (
    <>
      <SegmentedControl
        size="xs"
        aria-label={t('offers.attendance.of', { name })}
        value={(save.isPending ? save.variables : undefined) ?? entry?.status ?? ''}
        onChange={(value) => save.mutate(value as AttendanceStatus)}
        data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: attendanceLabel(t, s) }))}
        disabled={save.isPending}
      />
      {save.error && <ErrorAlert error={save.error} />}
    </>
  );
}
