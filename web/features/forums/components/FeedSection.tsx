import { Button, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime.tsx';
import { feedback, sendWithFeedback } from '../../../lib/feedback.ts';
import { useCreateFeed, useFeeds, useRevokeFeed } from '../api/forums.ts';

/** Settings: private calendar feeds of the forum series (the URL is shown once, when made). */
export function FeedSection() {
  const { t } = useTranslation();
  const feeds = useFeeds();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const active = feeds.data?.items.filter((f) => !f.revokedAt) ?? [];
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('forums.feed.title')}
      </Title>
      <Text size="sm">{t('forums.feed.description')}</Text>
      {url && (
        <Stack gap={4}>
          <Code block>{url}</Code>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t('forums.feed.copied') : t('forums.feed.copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      )}
      {active.map((f) => (
        <Group key={f.id} justify="space-between">
          <Text size="sm">
            {t('forums.feed.made')} <DateTime value={f.createdAt} />
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            color="red"
            onClick={() =>
              revoke
                .mutateAsync(f.id)
                .then(() => feedback.success(t('forums.feed.revoked')), feedback.failure)
            }
          >
            {t('forums.feed.revoke')}
          </Button>
        </Group>
      ))}
      <Button
        loading={create.isPending}
        onClick={() =>
          sendWithFeedback(create, undefined, {
            success: t('forums.feed.created'),
            done: (f) => setUrl(f.url),
            toastErrors: true,
          })
        }
      >
        {t('forums.feed.create')}
      </Button>
    </Stack>
  );
}
