import { Alert, Anchor, Progress, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportSettings } from '../../../server/modules/imports/imports.schemas.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatNumber } from '../../shared/i18n/format.ts';
import { overallPercent, runImport, type ImportOutcome, type ImportProgress } from './importApi.ts';

/** The run: all or nothing, its progress streamed from the server. */
export function RunStep({ uploadId, settings }: { uploadId: string; settings: ImportSettings }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    runImport(uploadId, settings, setProgress).then(
      async (outcome) => {
        setResult(outcome);
        await queryClient.invalidateQueries({ queryKey: ['/api/participants'] });
      },
      (err: unknown) => setError(err),
    );
  }, [uploadId, settings, queryClient]);

  const percent = result ? 100 : overallPercent(progress);
  const label = t('imports.progressLabel');
  return (
    <div>
      <Text size="sm" mb={4} id="import-progress-label">
        {label}: {percent} %
        {progress && !result && ` (${t(`imports.phases.${progress.phase as 'staging'}`, { defaultValue: progress.phase })})`}
      </Text>
      <Progress.Root size="lg" mb="md">
        <Progress.Section value={percent} aria-labelledby="import-progress-label" animated={!result && !error} />
      </Progress.Root>
      {error !== null && <ErrorAlert error={error} />}
      {result && (
        <Alert color="teal" variant="light" role="status" title={t('imports.doneTitle')}>
          <Text size="sm">
            {t('imports.done', { count: result.imported, formatted: formatNumber(result.imported, i18n.language) })}{' '}
            {result.skippedDuplicates > 0 && t('imports.skipped', { count: result.skippedDuplicates })}
          </Text>
          <Anchor component={Link} to="/participants" fw={600} c="inherit" underline="always">
            {t('home.caseManager.all')}
          </Anchor>
        </Alert>
      )}
    </div>
  );
}
