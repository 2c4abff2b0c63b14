import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_LIMITS } from '../../../../common/coordination-sla-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { type RequestDetail, useRateRequest } from '../api/coordination.ts';

const SCORES = ['1', '2', '3', '4', '5'] as const;

/**
 * Once a request is done, its requesting organisation rates the response (the unit's metrics count it);
 * everyone who sees the request sees the rating. It can be changed for 7 days, then it is final.
 */
export function RatingSection({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSignedInMe();
  const [editing, setEditing] = useState(false);
  if (request.state !== 'done') return null;
  const rating = request.rating;
  const mayRate = me.organisation.id === request.requestingOrganisation.id && me.user.role !== 'observer';
  const changeable = mayRate && rating !== null && Date.parse(rating.editableUntil) > Date.now();
  if (!rating && !mayRate) return null;
  return (
    <Section id="rating" title={t('coordination.rating.title')}>
      {rating && !editing && (
        <Stack gap={4} data-testid="rating">
          <Text fw={600}>
            {t('coordination.rating.given', { score: rating.score, name: rating.ratedBy.displayName })}
          </Text>
          {rating.comment && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {rating.comment}
            </Text>
          )}
          {changeable && (
            <Group gap="xs" justify="space-between">
              <Text size="xs" c="dimmed">
                {t('coordination.rating.editableUntil', {
                  date: formatDateTime(rating.editableUntil, language),
                })}
              </Text>
              <Button variant="default" size="compact-sm" onClick={() => setEditing(true)}>
                {t('coordination.rating.change')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {mayRate && (!rating || editing) && <RatingForm request={request} onDone={() => setEditing(false)} />}
    </Section>
  );
}

function RatingForm({ request, onDone }: { request: RequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const rate = useRateRequest(request.id);
  const [score, setScore] = useState(request.rating ? String(request.rating.score) : '');
  const [comment, setComment] = useState(request.rating?.comment ?? '');
  const tooLong = anyTooLong([[comment, RATING_LIMITS.comment]]);
  const submit = () =>
    sendWithFeedback(
      rate,
      { score: Number(score), comment: comment.trim() || null },
      { success: t('coordination.rating.sent'), done: onDone },
    );
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('coordination.rating.score')}
        description={t('coordination.rating.scale')}
        value={score}
        onChange={setScore}
        required
      >
        <Group gap="md" mt={6}>
          {SCORES.map((s) => (
            <Radio key={s} value={s} label={s} size="md" />
          ))}
        </Group>
      </Radio.Group>
      <LimitedTextarea
        label={t('coordination.rating.comment')}
        autosize
        minRows={2}
        limit={RATING_LIMITS.comment}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <ErrorAlert error={rate.error} />
      <Button onClick={submit} disabled={!score || tooLong} loading={rate.isPending}>
        {t('coordination.rating.submit')}
      </Button>
    </Stack>
  );
}
