import { ActionIcon, Button, NativeSelect, Stack, Text, TextInput, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Form } from '../../shared/forms/form.ts';
import { newKey } from './draftValues.ts';
import type { ReferralValues } from './ReferralForm.tsx';

/** The referral's tasks that are not steps of the plan: type, text and due date, added and removed. */
export function AddedTasks({ form, typeOptions }: { form: Form<ReferralValues>; typeOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <>
      <Text component="h3" fw={600} size="sm" mt="md" mb={4}>
        {t('referralsTab.addedTasks')}
      </Text>
      <Stack gap="xs">
        {values.tasks.map((task, index) => (
          <Group key={task.key} align="flex-end" gap="xs">
            <NativeSelect
              label={t('referralsTab.taskType', { number: index + 1 })}
              required
              data={typeOptions}
              {...form.getInputProps(`tasks.${index}.stepTypeId`)}
            />
            <TextInput
              label={t('referralsTab.taskText', { number: index + 1 })}
              flex={1}
              miw={200}
              {...form.getInputProps(`tasks.${index}.text`)}
            />
            <TextInput
              label={t('referralsTab.taskDue', { number: index + 1 })}
              type="date"
              {...form.getInputProps(`tasks.${index}.dueOn`)}
            />
            <ActionIcon
              variant="default"
              size="lg"
              mb={4}
              aria-label={t('referralsTab.removeTask', { number: index + 1 })}
              title={t('referralsTab.removeTask', { number: index + 1 })}
              onClick={() => form.removeListItem('tasks', index)}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button
        variant="default"
        size="sm"
        mt="xs"
        onClick={() => form.insertListItem('tasks', { key: newKey(), stepTypeId: '', text: '', dueOn: '' })}
      >
        {t('referralsTab.addTask')}
      </Button>
    </>
  );
}
