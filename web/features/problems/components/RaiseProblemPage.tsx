import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { IconCloudUpload, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { PROBLEM_LIMITS } from '../../../../common/problems-api.ts';
import type { ProblemCategory, ProblemType } from '../../../../common/problems-taxonomy.ts';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { DraftRestoredNote } from '../../../components/DraftRestoredNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea, LimitedTextInput } from '../../../components/LimitedText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useDraft } from '../../../lib/drafts.ts';
import { feedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { type ProblemDetail, useCreateProblem } from '../api/problems.ts';
import { categoryOptions, provinceOptions, typeOptions } from '../labels.ts';
import { PrivacyLiveHint, usePrivacyGuard, withoutPrivacyWarning } from './PrivacyGuard.tsx';
import { ProblemRaised } from './ProblemRaised.tsx';

type Form = {
  type: ProblemType;
  title: string;
  body: string;
  category: ProblemCategory | null;
  provinces: string[];
  sectors: string[];
  proposedSolution: string;
  source: string;
  anonymous: boolean;
};

const EMPTY_FORM: Form = {
  type: 'problem',
  title: '',
  body: '',
  category: null,
  provinces: [],
  sectors: [],
  proposedSolution: '',
  source: '',
  anonymous: false,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Raised from the floor of a forum (`?forumEvent=…&agendaItem=…&number=N`, the forum's polls page links
 * here): the new problem is linked to that event, which the server checks.
 */
function useForumSource() {
  const [params] = useSearchParams();
  const eventId = params.get('forumEvent');
  const itemId = params.get('agendaItem');
  if (!eventId || !UUID.test(eventId)) return { link: {}, number: null };
  const number = Number(params.get('number'));
  return {
    link: { sourceEventId: eventId, ...(itemId && UUID.test(itemId) ? { sourceAgendaItemId: itemId } : {}) },
    number: Number.isInteger(number) && number > 0 ? number : null,
  };
}

/** Members raise a problem or recommendation for their organisation; observers only read. */
export function RaiseProblemPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSignedInMe();
  const create = useCreateProblem();
  const privacy = usePrivacyGuard();
  const draft = useDraft<Form>('raise-problem', EMPTY_FORM);
  const form = draft.value;
  const [showErrors, setShowErrors] = useState(false);
  const [raised, setRaised] = useState<ProblemDetail | null>(null);
  const [queued, setQueued] = useState(false);
  const forum = useForumSource();
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    draft.setValue((f) => ({ ...f, [key]: value }));
  if (me.user.role === 'observer') return <Navigate to="/problems" replace />;
  if (raised) return <ProblemRaised problem={raised} onRaiseAnother={() => setRaised(null)} />;

  const errors = {
    title: form.title.trim() ? null : t('problems.raise.required'),
    body: form.body.trim() ? null : t('problems.raise.required'),
    category: form.category ? null : t('problems.raise.required'),
  };
  const texts = {
    title: form.title,
    body: form.body,
    proposedSolution: form.proposedSolution,
    source: form.source,
  };
  // Each field says itself by how much it is over; the form only refuses to send.
  const tooLongFields = anyTooLong([
    [form.title, PROBLEM_LIMITS.title],
    [form.body, PROBLEM_LIMITS.body],
    [form.proposedSolution, PROBLEM_LIMITS.proposedSolution],
    [form.source, PROBLEM_LIMITS.source],
  ]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setShowErrors(true);
    if (Object.values(errors).some(Boolean) || tooLongFields) return;
    let created: ProblemDetail | undefined;
    setQueued(false);
    await privacy
      .run(
        async (privacyFields) => {
          const outcome = await create.mutateAsync({
            type: form.type,
            title: form.title.trim(),
            body: form.body.trim(),
            category: form.category!,
            provinces: form.provinces as never,
            sectors: form.sectors as never,
            proposedSolution: form.proposedSolution.trim() || null,
            source: form.source.trim() || null,
            anonymous: form.anonymous,
            ...forum.link,
            ...privacyFields,
          });
          created = outcome.status === 'sent' ? outcome.result : undefined;
        },
        texts,
        () => {
          setShowErrors(false);
          if (created) {
            feedback.success(t('problems.raised.toast'));
            draft.clear();
            setRaised(created);
            window.scrollTo({ top: 0 });
          } else {
            // Offline: the problem waits in the send queue; the form is free for the next one.
            setQueued(true);
            draft.setValue((f) => ({ ...EMPTY_FORM, type: f.type }));
          }
        },
      )
      .catch(() => undefined);
  };
  const shown = (message: string | null) => (showErrors ? message : null);

  return (
    <form onSubmit={submit} noValidate style={{ maxWidth: 720 }}>
      <Stack gap="md">
        <PageHeader title={t('problems.raise.title')} description={t('problems.raise.description')} />
        {draft.restored && <DraftRestoredNote onDiscard={draft.clear} />}
        {'sourceEventId' in forum.link && (
          <Alert color="blue" variant="light" data-testid="forum-source-note">
            {forum.number
              ? t('forumCheckin.raisingAt', { number: forum.number })
              : t('forumCheckin.raisingAtForum')}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t('problems.fields.type')}
          data={typeOptions(language)}
          value={form.type}
          onChange={(value) => set('type', value as ProblemType)}
          fullWidth
        />
        <LimitedTextInput
          label={t('problems.fields.title')}
          required
          limit={PROBLEM_LIMITS.title}
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={shown(errors.title)}
        />
        <LimitedTextarea
          label={t('problems.fields.body')}
          description={t('problems.raise.markdownHint')}
          required
          autosize
          minRows={5}
          limit={PROBLEM_LIMITS.body}
          value={form.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          error={shown(errors.body)}
        />
        <PrivacyLiveHint texts={texts} />
        <Select
          label={t('problems.fields.category')}
          required
          data={categoryOptions(language)}
          value={form.category}
          onChange={(value) => set('category', value as ProblemCategory | null)}
          error={shown(errors.category)}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('problems.fields.provinces')}
          data={provinceOptions(language)}
          value={form.provinces}
          onChange={(value) => set('provinces', value)}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('problems.fields.sectors')}
          data={SECTORS.map((code) => ({ value: code, label: t(`sectors.${code}`) }))}
          value={form.sectors}
          onChange={(value) => set('sectors', value)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <LimitedTextarea
          label={t('problems.fields.proposedSolution')}
          autosize
          minRows={3}
          limit={PROBLEM_LIMITS.proposedSolution}
          value={form.proposedSolution}
          onChange={(e) => set('proposedSolution', e.currentTarget.value)}
        />
        <LimitedTextInput
          label={t('problems.fields.source')}
          description={t('problems.raise.sourceHint')}
          limit={PROBLEM_LIMITS.source}
          value={form.source}
          onChange={(e) => set('source', e.currentTarget.value)}
        />
        <Checkbox
          label={t('problems.raise.anonymous')}
          description={t('problems.raise.anonymousHint', {
            organisation: organisationName(me.organisation, language),
          })}
          checked={form.anonymous}
          onChange={(e) => set('anonymous', e.currentTarget.checked)}
          icon={({ className }) => <IconEyeOff className={className} />}
        />
        <ErrorAlert error={withoutPrivacyWarning(create.error)} />
        {queued && (
          <Alert color="yellow" variant="light" role="status" icon={<IconCloudUpload aria-hidden />}>
            {t('problems.raise.queued')}
          </Alert>
        )}
        {showErrors && (Object.values(errors).some(Boolean) || tooLongFields) && (
          <Alert color="red" variant="light" role="alert">
            {t('problems.raise.fixErrors')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('problems.raise.onBehalf', { organisation: organisationName(me.organisation, language) })}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('problems.raise.submit')}
          </Button>
        </Group>
        {privacy.dialog}
      </Stack>
    </form>
  );
}
