import { Anchor, Code, List, Paper, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import doc from '../../../docs/indicators/esf-plus.md?raw';
import { PageHeader } from '../../shared/components/PageHeader.tsx';

// The rules behind each ESF+ figure, from docs/indicators/esf-plus.md itself (built into the
// app, so the page and the document cannot disagree). Each indicator's paragraph starts with
// an anchor `<a id="…"></a>`, the target of the figure's link on the reports page. The
// document uses only headings, paragraphs, lists, **bold** and `code`: that is all this reads.

const ANCHOR = /^<a id="([a-z0-9-]+)"><\/a>/;

function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*|`[^`]+`)/)
    .map((part, i) =>
      part.startsWith('**') ? (
        <strong key={i}>{part.slice(2, -2)}</strong>
      ) : part.startsWith('`') ? (
        <Code key={i}>{part.slice(1, -1)}</Code>
      ) : (
        part
      ),
    );
}

function blocks(markdown: string): ReactNode[] {
  return markdown.split(/\n\s*\n/).map((block, i) => {
    const text = block.trim();
    if (text.startsWith('# ')) return null; // the page header carries the title
    if (text.startsWith('## '))
      return (
        <Title order={2} size="h3" mt="lg" key={i}>
          {text.slice(3)}
        </Title>
      );
    if (text.startsWith('- ')) {
      const items = text.split(/\n(?=- )/).map((item) => item.slice(2).replace(/\n\s+/g, ' '));
      return (
        <List key={i} mb="sm">
          {items.map((item, j) => (
            <List.Item key={j}>{inline(item)}</List.Item>
          ))}
        </List>
      );
    }
    const id = ANCHOR.exec(text)?.[1];
    return (
      <Text key={i} id={id} mb="sm" style={{ scrollMarginBlockStart: '5rem' }}>
        {inline(text.replace(ANCHOR, '').replace(/\n/g, ' '))}
      </Text>
    );
  });
}

export function EsfRulesPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);
  return (
    <>
      <PageHeader title={t('esf.rulesTitle')} />
      <Text size="sm" mb="md">
        {t('esf.rulesNote')}{' '}
        <Anchor component={Link} to="/reports">
          {t('esf.backToReports')}
        </Anchor>
      </Text>
      <Paper withBorder p="md" lang="en" dir="ltr">
        {blocks(doc)}
      </Paper>
    </>
  );
}
