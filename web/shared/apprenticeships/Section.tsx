import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of an apprenticeship page (the staff's and the company's), labelled by its heading. */
export function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
