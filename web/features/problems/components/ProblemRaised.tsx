import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../../components/PageHeader.tsx';
import type { ProblemDetail } from '../api/problems.ts';
import { problemReference } from '../labels.ts';

/**
 * The GOV.UK confirmation page after raising a problem: it is sent, its reference, what happens next and
 * the way to it. The heading takes focus, so a screen reader says at once that it worked.
 */
export function ProblemRaised({
  problem,
  onRaiseAnother,
}: {
  problem: ProblemDetail;
  onRaiseAnother: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('problems.raised.title'));
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="lg" maw={720} data-testid="problem-raised">
      <Paper bg="teal.9" c="white" p="lg" radius="md">
        <Stack gap="xs" align="center" ta="center">
          <IconCircleCheck size={40} aria-hidden />
          <Title order={1} fz="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            {t('problems.raised.title')}
          </Title>
          <Text>{t('problems.raised.referenceLabel')}</Text>
          <Text fz={28} fw={700} ff="monospace" data-testid="problem-reference">
            {problemReference(problem.id)}
          </Text>
        </Stack>
      </Paper>
      <Text>
        {t('problems.raised.titleLine')}{' '}
        <Text span fw={600} style={{ overflowWrap: 'anywhere' }}>
          {problem.title}
        </Text>
      </Text>
      <Stack gap="xs">
        <Title order={2} fz="h3">
          {t('problems.raised.nextTitle')}
        </Title>
        <List type="ordered" spacing="xs">
          <List.Item>{t('problems.raised.nextReview')}</List.Item>
          <List.Item>{t('problems.raised.nextAssign')}</List.Item>
          <List.Item>{t('problems.raised.nextDeadlines')}</List.Item>
        </List>
      </Stack>
      <Group gap="md">
        <Button component={Link} to={`/problems/${problem.id}`}>
          {t('problems.raised.open')}
        </Button>
        <Anchor component="button" type="button" onClick={onRaiseAnother}>
          {t('problems.raised.another')}
        </Anchor>
      </Group>
    </Stack>
  );
}
