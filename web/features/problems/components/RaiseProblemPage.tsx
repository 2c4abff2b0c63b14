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
import { IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PROBLEM_LIMITS } from '../../../../common/problems-api.ts';
import type { ProblemCategory, ProblemType } from '../../../../common/problems-taxonomy.ts';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea, LimitedTextInput } from '../../../components/LimitedText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { useCreateProblem } from '../api/problems.ts';
import { categoryOptions, provinceOptions, typeOptions } from '../labels.ts';
import { PrivacyLiveHint, usePrivacyGuard, withoutPrivacyWarning } from './PrivacyGuard.tsx';

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

/** Members raise a problem or recommendation for their organisation; observers only read. */
export function RaiseProblemPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const create = useCreateProblem();
  const privacy = usePrivacyGuard();
  const [form, setForm] = useState<Form>({
    type: 'problem',
    title: '',
    body: '',
    category: null,
    provinces: [],
    sectors: [],
    proposedSolution: '',
    source: '',
    anonymous: false,
  });
  const [showErrors, setShowErrors] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  if (me.user.role === 'observer') return <Navigate to="/problems" replace />;

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
    setShowErrors(true);
    if (Object.values(errors).some(Boolean) || tooLongFields) return;
    let createdId: string | undefined;
    await privacy
      .run(
        async (privacyFields) => {
          const problem = await create.mutateAsync({
            type: form.type,
            title: form.title.trim(),
            body: form.body.trim(),
            category: form.category!,
            provinces: form.provinces as never,
            sectors: form.sectors as never,
            proposedSolution: form.proposedSolution.trim() || null,
            source: form.source.trim() || null,
            anonymous: form.anonymous,
            ...privacyFields,
          });
          createdId = problem.id;
        },
        texts,
        () => navigate(`/problems/${createdId}`),
      )
      .catch(() => undefined);
  };
  const shown = (message: string | null) => (showErrors ? message : null);

  return (
    <form onSubmit={submit} noValidate style={{ maxWidth: 720 }}>
      <Stack gap="md">
        <PageHeader title={t('problems.raise.title')} description={t('problems.raise.description')} />
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
