import { Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { type UnitView, useUnit } from '../api/coordination.ts';
import { coverageLabel, languageLabel, serviceLabel, unitName } from '../labels.ts';
import { OnCallNow } from './OnCallNow.tsx';
import { ResponseTimes } from './ResponseTimes.tsx';

/** A unit: what it does, where, in which languages, and (to its own organisation) who answers its inbox. */
export function UnitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useUnit(id);
  return (
    <QueryPage
      query={query}
      title={t('coordination.unit.title')}
      back={{ to: '/coordination', label: t('coordination.back') }}
    >
      {(unit) => <UnitDetails unit={unit} />}
    </QueryPage>
  );
}

function Codes({ codes, label }: { codes: string[]; label: (code: string) => string }) {
  return (
    <Group gap={6}>
      {codes.map((code) => (
        <Badge key={code} variant="light" color="gray" tt="none" size="lg" style={{ maxWidth: '100%' }}>
          {label(code)}
        </Badge>
      ))}
    </Group>
  );
}

function UnitDetails({ unit }: { unit: UnitView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = unitName(unit, language);
  useDocumentTitle(name);
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/coordination" size="sm">
        ← {t('coordination.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Title>
        <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {organisationName(unit.organisation, language)}
        </Text>
        {!unit.active && (
          <Badge color="gray" tt="none">
            {t('coordination.unit.closed')}
          </Badge>
        )}
      </Stack>
      <Section id="services" title={t('coordination.unit.services')}>
        <Codes codes={unit.services} label={(c) => serviceLabel(c, language)} />
      </Section>
      <Section id="coverage" title={t('coordination.unit.coverage')}>
        <Codes codes={unit.coverage} label={(c) => coverageLabel(c, language)} />
      </Section>
      <Section id="languages" title={t('coordination.unit.languages')}>
        <Codes codes={unit.languages} label={(c) => languageLabel(c, language)} />
      </Section>
      <OnCallNow unitId={unit.id} withRosterLink />
      <ResponseTimes unitId={unit.id} />
      {unit.members && (
        <Section id="members" title={t('coordination.unit.members')}>
          {unit.members.length === 0 ? (
            <Text c="dimmed">{t('coordination.unit.noMembers')}</Text>
          ) : (
            <List spacing={4}>
              {unit.members.map((m) => (
                <List.Item key={m.userId}>
                  {m.displayName}
                  {m.role === 'head' && ` · ${t('coordination.unit.head')}`}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      )}
    </Stack>
  );
}
