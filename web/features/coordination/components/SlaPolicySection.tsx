import { Badge, Button, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SLA_TARGET_NAMES, type SlaTargetName } from '../../../../common/coordination-sla.ts';
import { URGENCY_CODES, type Urgency } from '../../../../common/coordination-states.ts';
import { MINUTE_MS } from '../../../../common/time.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { type SlaPolicy, useCreateSlaPolicy, useSlaPolicies } from '../api/sla.ts';

type Targets = SlaPolicy['targets'];
type Amounts = Record<Urgency, Record<SlaTargetName, number | string | null>>;

/** A target as the number the form edits: minutes on a 24×7 clock, business days on a business clock. */
const amountOf = (target: Targets[Urgency][SlaTargetName]) =>
  target === null ? null : target.clock === '24x7' ? Math.round(target.ms / MINUTE_MS) : target.businessDays;

/** The Centre's SLA targets: the current version as a form; saving adds the next version. */
export function SlaPolicySection() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const current = policies.data?.items.find((p) => p.current);
  return (
    <Section
      id="coordination-sla-policy"
      title={t('coordinationSla.policy.title')}
      description={t('coordinationSla.policy.description')}
    >
      <ErrorAlert error={policies.error} />
      {policies.isPending && <SectionLoader />}
      {current && <PolicyForm key={current.version} policy={current} />}
    </Section>
  );
}

function PolicyForm({ policy }: { policy: SlaPolicy }) {
  const { t } = useTranslation();
  const save = useCreateSlaPolicy();
  const initial = Object.fromEntries(
    URGENCY_CODES.map((u) => [
      u,
      Object.fromEntries(SLA_TARGET_NAMES.map((n) => [n, amountOf(policy.targets[u][n])])),
    ]),
  ) as Amounts;
  const [amounts, setAmounts] = useState<Amounts>(initial);
  const invalid = (u: Urgency, n: SlaTargetName) => {
    const v = amounts[u][n];
    return v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 1);
  };
  const anyInvalid = URGENCY_CODES.some((u) => SLA_TARGET_NAMES.some((n) => invalid(u, n)));
  const targets = () =>
    Object.fromEntries(
      URGENCY_CODES.map((u) => [
        u,
        Object.fromEntries(
          SLA_TARGET_NAMES.map((n) => {
            const target = policy.targets[u][n];
            const v = amounts[u][n] as number;
            if (target === null) return [n, null];
            return [
              n,
              target.clock === '24x7'
                ? { clock: '24x7', ms: v * MINUTE_MS }
                : { clock: 'business', businessDays: v },
            ];
          }),
        ),
      ]),
    ) as Targets;
  return (
    <Stack
      gap="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (anyInvalid) return;
        sendWithFeedback(
          save,
          { targets: targets() },
          { success: (saved) => t('coordinationSla.policy.saved', { version: saved.version }) },
        );
      }}
    >
      <Group gap="xs">
        <Text size="sm">{t('coordinationSla.policy.version', { version: policy.version })}</Text>
        <Badge size="sm" variant="light">
          {t('coordinationSla.policy.current')}
        </Badge>
      </Group>
      <ErrorAlert error={save.error} />
      {URGENCY_CODES.map((u) => (
        <Stack key={u} gap={4}>
          <Title order={3} fz="sm">
            {t(`coordinationSla.policy.urgencies.${u}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            {SLA_TARGET_NAMES.map((n) => {
              const target = policy.targets[u][n];
              const label = t(`coordinationSla.targets.${n}`);
              if (target === null)
                return (
                  <Text key={n} size="sm" c="dimmed">
                    {label}: {t('coordinationSla.policy.none')}
                  </Text>
                );
              return (
                <NumberInput
                  key={n}
                  label={label}
                  description={t(
                    target.clock === '24x7'
                      ? 'coordinationSla.policy.minutes'
                      : 'coordinationSla.policy.businessDays',
                  )}
                  value={amounts[u][n] ?? ''}
                  onChange={(value) => setAmounts((a) => ({ ...a, [u]: { ...a[u], [n]: value } }))}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  inputMode="numeric"
                  error={invalid(u, n) ? ' ' : undefined}
                />
              );
            })}
          </SimpleGrid>
        </Stack>
      ))}
      <Group>
        <Button type="submit" loading={save.isPending} disabled={anyInvalid}>
          {t('coordinationSla.policy.save')}
        </Button>
      </Group>
    </Stack>
  );
}
