import { Paper, Table, Title } from '@mantine/core';
import type { FactGroup } from './participantFacts.ts';

/** One group of the case file's facts: a labelled region with label/value rows. */
export function FactsTable({ group }: { group: FactGroup }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={group.heading}>
      <Title order={2} size="h4" mb="xs">
        {group.heading}
      </Title>
      <Table variant="vertical" layout="fixed" withRowBorders={false}>
        <Table.Tbody>
          {group.facts.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="45%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
