import { Paper, Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSettings, PreviewView, UploadView } from '../../../server/modules/imports/imports.schemas.ts';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { RunStep } from './RunStep.tsx';
import { UploadStep } from './UploadStep.tsx';

const STEPS = ['upload', 'mapping', 'preview', 'run'] as const;

/** Importing a participant list: upload, map the columns, preview the problems, run with progress. */
export function ImportsPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const narrow = useMediaQuery('(max-width: 48em)');
  const [upload, setUpload] = useState<UploadView | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  const [preview, setPreview] = useState<PreviewView | null>(null);

  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Paper withBorder p="lg">
        <Stepper
          active={step}
          allowNextStepsSelect={false}
          onStepClick={setStep}
          size="sm"
          mb="lg"
          orientation={narrow ? 'vertical' : 'horizontal'}
        >
          {STEPS.map((name) => (
            <Stepper.Step key={name} label={t(`imports.steps.${name}`)} />
          ))}
        </Stepper>
        {step === 0 && (
          <UploadStep
            onUploaded={(view) => {
              setUpload(view);
              setSettings(null);
              setPreview(null);
              setStep(1);
            }}
          />
        )}
        {step === 1 && upload && (
          <MappingStep
            upload={upload}
            initial={settings}
            onBack={() => setStep(0)}
            onPreview={(chosen, view) => {
              setSettings(chosen);
              setPreview(view);
              setStep(2);
            }}
          />
        )}
        {step === 2 && upload && settings && preview && (
          <PreviewStep
            uploadId={upload.id}
            settings={settings}
            preview={preview}
            onBack={() => setStep(1)}
            onReupload={() => setStep(0)}
            onRun={(chosen) => {
              setSettings(chosen);
              setStep(3);
            }}
          />
        )}
        {step === 3 && upload && settings && <RunStep uploadId={upload.id} settings={settings} />}
      </Paper>
    </>
  );
}
