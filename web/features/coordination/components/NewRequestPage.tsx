import {
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { COORDINATION_LIMITS } from '../../../../common/coordination-api.ts';
import {
  AGE_BANDS,
  NATIONALITIES,
  type RequestType,
  SEXES,
  type Urgency,
} from '../../../../common/coordination-states.ts';
import { DraftRestoredNote } from '../../../components/DraftRestoredNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import {
  PrivacyLiveHint,
  usePrivacyGuard,
  withoutPrivacyWarning,
} from '../../../components/PrivacyGuard.tsx';
import { useDraft } from '../../../lib/drafts.ts';
import { feedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import {
  type RequestDetail,
  type UnitSuggestion,
  useCreateRequest,
  useSuggestions,
} from '../api/coordination.ts';
import {
  coverageLabel,
  languageLabel,
  languageOptions,
  provinceOptions,
  requestTypeOptions,
  serviceLabel,
  unitName,
  urgencyOptions,
} from '../labels.ts';

type Form = {
  type: RequestType | null;
  urgency: Urgency | null;
  province: string | null;
  language: string | null;
  peopleCount: number | string;
  ageBands: string[];
  sexes: string[];
  nationalities: string[];
  needs: string;
  context: string;
  unitId: string | null;
};

const EMPTY_FORM: Form = {
  type: null,
  urgency: null,
  province: null,
  language: null,
  peopleCount: 1,
  ageBands: [],
  sexes: [],
  nationalities: [],
  needs: '',
  context: '',
  unitId: null,
};

/**
 * Asking another agency's unit for help, in under a minute on a phone: what, how urgent, where, in which
 * language, who (bands, never names), then one of the units that fit. Names and numbers never go here.
 */
export function NewRequestPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const create = useCreateRequest();
  const privacy = usePrivacyGuard((field) => t(`coordination.fields.${field}`));
  const draft = useDraft<Form>('coordination-request', EMPTY_FORM);
  const form = draft.value;
  const [showErrors, setShowErrors] = useState(false);
  const [queued, setQueued] = useState(false);
  const suggestions = useSuggestions(form);
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    draft.setValue((f) => ({ ...f, [key]: value }));
  if (me.user.role === 'observer') return <Navigate to="/coordination" replace />;

  const people = Number(form.peopleCount);
  const required = t('coordination.new.required');
  const errors = {
    type: form.type ? null : required,
    urgency: form.urgency ? null : required,
    province: form.province ? null : required,
    peopleCount:
      Number.isInteger(people) && people >= 1 && people <= COORDINATION_LIMITS.people
        ? null
        : t('coordination.new.peopleRange', { max: COORDINATION_LIMITS.people }),
    needs: form.needs.trim() ? null : required,
    unitId: form.unitId ? null : t('coordination.new.pickUnit'),
  };
  const texts = { needs: form.needs, context: form.context };
  const tooLong = anyTooLong([
    [form.needs, COORDINATION_LIMITS.needs],
    [form.context, COORDINATION_LIMITS.context],
  ]);
  const shown = (message: string | null) => (showErrors ? message : null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setShowErrors(true);
    if (Object.values(errors).some(Boolean) || tooLong) return;
    let created: RequestDetail | undefined;
    setQueued(false);
    await privacy
      .run(
        async (privacyFields) => {
          const outcome = await create.mutateAsync({
            receivingUnitId: form.unitId!,
            type: form.type!,
            urgency: form.urgency!,
            province: form.province as never,
            language: (form.language as never) ?? null,
            peopleCount: people,
            ageBands: form.ageBands as never,
            sexes: form.sexes as never,
            nationalities: form.nationalities as never,
            needs: form.needs.trim(),
            context: form.context.trim() || null,
            // This API asks only for the acknowledgement, not the warning's id.
            ...(privacyFields.acknowledgePrivacyWarnings ? { acknowledgePrivacyWarnings: true } : {}),
          });
          created = outcome.status === 'sent' ? outcome.result : undefined;
        },
        texts,
        () => {
          setShowErrors(false);
          draft.clear();
          if (created) {
            feedback.success(t('coordination.new.sent'));
            navigate(`/coordination/requests/${created.id}`);
          } else {
            setQueued(true);
            window.scrollTo({ top: 0 });
          }
        },
      )
      .catch(() => undefined);
  };

  return (
    <form onSubmit={submit} noValidate style={{ maxWidth: 720 }}>
      <Stack gap="md">
        <PageHeader title={t('coordination.new.title')} description={t('coordination.new.description')} />
        {draft.restored && <DraftRestoredNote onDiscard={draft.clear} />}
        {queued && (
          <Alert color="yellow" variant="light" role="status" icon={<IconCloudUpload aria-hidden />}>
            {t('coordination.new.queued')}
          </Alert>
        )}
        <Select
          label={t('coordination.fields.type')}
          required
          searchable
          size="md"
          data={requestTypeOptions(language)}
          value={form.type}
          onChange={(value) => set('type', value as RequestType | null)}
          error={shown(errors.type)}
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
        />
        <Stack gap={4}>
          <Text size="md" fw={500} id="urgency-label">
            {t('coordination.fields.urgency')}{' '}
            <Text span c="red" aria-hidden>
              *
            </Text>
          </Text>
          <SegmentedControl
            aria-labelledby="urgency-label"
            data={urgencyOptions(language)}
            value={form.urgency ?? ''}
            onChange={(value) => set('urgency', value as Urgency)}
            fullWidth
            size="md"
            color={form.urgency === 'critical' ? 'red' : undefined}
          />
          {shown(errors.urgency) && (
            <Text size="sm" c="red">
              {errors.urgency}
            </Text>
          )}
        </Stack>
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('coordination.fields.province')}
            required
            searchable
            size="md"
            data={provinceOptions(language)}
            value={form.province}
            onChange={(value) => set('province', value)}
            error={shown(errors.province)}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            miw={160}
          />
          <Select
            label={t('coordination.fields.language')}
            clearable
            searchable
            size="md"
            data={languageOptions(language)}
            value={form.language}
            onChange={(value) => set('language', value)}
            comboboxProps={{ withinPortal: true }}
            miw={160}
          />
        </Group>
        <NumberInput
          label={t('coordination.fields.peopleCount')}
          required
          size="md"
          min={1}
          max={COORDINATION_LIMITS.people}
          allowDecimal={false}
          allowNegative={false}
          value={form.peopleCount}
          onChange={(value) => set('peopleCount', value)}
          error={shown(errors.peopleCount)}
        />
        <ChipField
          label={t('coordination.fields.ageBands')}
          codes={AGE_BANDS}
          prefix="coordination.ageBands"
          value={form.ageBands}
          onChange={(value) => set('ageBands', value)}
        />
        <ChipField
          label={t('coordination.fields.sexes')}
          codes={SEXES}
          prefix="coordination.sexes"
          value={form.sexes}
          onChange={(value) => set('sexes', value)}
        />
        <MultiSelect
          label={t('coordination.fields.nationalities')}
          size="md"
          data={NATIONALITIES.map((n) => ({ value: n, label: t(`coordination.nationalities.${n}`) }))}
          value={form.nationalities}
          onChange={(value) => set('nationalities', value)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <LimitedTextarea
          label={t('coordination.fields.needs')}
          description={t('coordination.new.needsHint')}
          required
          autosize
          minRows={2}
          limit={COORDINATION_LIMITS.needs}
          value={form.needs}
          onChange={(e) => set('needs', e.currentTarget.value)}
          error={shown(errors.needs)}
        />
        <LimitedTextarea
          label={t('coordination.fields.context')}
          description={t('coordination.new.contextHint')}
          autosize
          minRows={2}
          limit={COORDINATION_LIMITS.context}
          value={form.context}
          onChange={(e) => set('context', e.currentTarget.value)}
        />
        <PrivacyLiveHint texts={texts} fieldLabel={(field) => t(`coordination.fields.${field}`)} />
        <SuggestedUnits
          ready={Boolean(form.type && form.province)}
          query={suggestions}
          value={form.unitId}
          onChange={(value) => set('unitId', value)}
          error={shown(errors.unitId)}
        />
        <ErrorAlert error={withoutPrivacyWarning(create.error)} />
        {showErrors && (Object.values(errors).some(Boolean) || tooLong) && (
          <Alert color="red" variant="light" role="alert">
            {t('coordination.new.fixErrors')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('coordination.new.onBehalf', { organisation: organisationName(me.organisation, language) })}
        </Text>
        <Button type="submit" size="lg" loading={create.isPending} fullWidth>
          {t('coordination.new.submit')}
        </Button>
        {privacy.dialog}
      </Stack>
    </form>
  );
}

function ChipField({
  label,
  codes,
  prefix,
  value,
  onChange,
}: {
  label: string;
  codes: readonly string[];
  prefix: string;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Text size="md" fw={500} aria-hidden>
        {label}
      </Text>
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap="xs">
          {codes.map((code) => (
            <Chip key={code} value={code} size="md">
              {t(`${prefix}.${code}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

/** The units that fit, best first, each with what it offers; the requester picks one. */
function SuggestedUnits({
  ready,
  query,
  value,
  onChange,
  error,
}: {
  ready: boolean;
  query: ReturnType<typeof useSuggestions>;
  value: string | null;
  onChange: (value: string) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const items = query.data?.items ?? [];
  return (
    <Radio.Group
      label={t('coordination.fields.unit')}
      description={ready ? t('coordination.new.suggestedHint') : t('coordination.new.suggestedWaiting')}
      required
      value={value}
      onChange={onChange}
      error={error}
    >
      <Stack gap="xs" mt="xs" aria-busy={ready && query.isFetching ? 'true' : undefined}>
        <ErrorAlert error={query.error} />
        {ready && !query.isPending && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('coordination.new.noSuggestions')}
          </Text>
        )}
        {ready &&
          items.map((s) => <SuggestionCard key={s.unit.id} suggestion={s} selected={value === s.unit.id} />)}
      </Stack>
    </Radio.Group>
  );
}

function SuggestionCard({ suggestion, selected }: { suggestion: UnitSuggestion; selected: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { unit, matches } = suggestion;
  return (
    <Card
      withBorder
      padding="sm"
      component="label"
      style={{
        cursor: 'pointer',
        borderColor: selected ? 'var(--mantine-color-blue-6)' : undefined,
        borderWidth: selected ? 2 : undefined,
      }}
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio value={unit.id} aria-label={unitName(unit, language)} mt={4} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {unitName(unit, language)}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {organisationName(unit.organisation, language)}
          </Text>
          <Group gap={4}>
            {matches.province && (
              <Badge size="sm" color="teal" c="teal.9" variant="light" tt="none">
                {t('coordination.matches.province')}
              </Badge>
            )}
            {matches.language && (
              <Badge size="sm" color="teal" c="teal.9" variant="light" tt="none">
                {t('coordination.matches.language')}
              </Badge>
            )}
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('coordination.unit.services')}:{' '}
            {unit.services.map((s) => serviceLabel(s, language)).join(', ')}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('coordination.unit.coverage')}:{' '}
            {unit.coverage.map((c) => coverageLabel(c, language)).join(', ')}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('coordination.unit.languages')}:{' '}
            {unit.languages.map((l) => languageLabel(l, language)).join(', ')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
