import { Button, Group, Input, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadView } from '../../../server/modules/imports/imports.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { uploadFile } from './importApi.ts';

export function UploadStep({ onUploaded }: { onUploaded: (view: UploadView) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const officeId = me.memberships.find((m) => m.role === 'case_manager')?.organisationId ?? '';
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({ mutationFn: (f: File) => uploadFile(f, officeId), onSuccess: onUploaded });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <Text mb="md">{t('imports.uploadIntro')}</Text>
      {upload.error && <ErrorAlert error={upload.error} />}
      <Input.Wrapper label={t('imports.file')} description={t('imports.fileHelp')} id="import-file">
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-description"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          style={{ display: 'block', marginTop: 8 }}
        />
      </Input.Wrapper>
      <Group mt="lg">
        <Button type="submit" disabled={!file} loading={upload.isPending}>
          {t('imports.upload')}
        </Button>
      </Group>
    </form>
  );
}
