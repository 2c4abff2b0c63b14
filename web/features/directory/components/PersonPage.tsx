import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconId, IconUserOff } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { isApiError } from '../../../lib/api.ts';
import { feedback } from '../../../lib/feedback.ts';
import { type FieldProblems, serverFieldProblems, useFocusFirstProblem } from '../../../lib/fieldErrors.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type Labels,
  type PersonView,
  type UpdatePersonBody,
  useLabels,
  usePerson,
  useUpdatePerson,
  vcardUrl,
} from '../api/directory.ts';
import { HandoverDialog } from './HandoverDialog.tsx';
import {
  checkPersonForm,
  PersonFormFields,
  type PersonFormState,
  personFieldsOf,
  personFormOf,
  withoutPersonProblemsOf,
} from './PersonForm.tsx';
import { hasVisibleContact, PositionText, personName, telHref } from './shared.tsx';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <QueryPage
      query={usePerson(id)}
      title={t('directory.person.title')}
      back={{ to: '/organisations', label: t('directory.backToList') }}
    >
      {(person) => <PersonDetails person={person} />}
    </QueryPage>
  );
}

function PersonDetails({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  // Only those who may edit the person are told its visibility settings.
  const canEdit = person.visibility !== null;
  return (
    <Stack gap="md">
      <PageHeader
        title={personName(person, language)}
        description={
          person.position || person.positionEn || person.department ? (
            <>
              <PositionText person={person} />
              {(person.position || person.positionEn) && person.department ? ' · ' : ''}
              {person.department}
            </>
          ) : undefined
        }
      />
      <Group gap={6}>
        <Anchor component={Link} to={`/organisations/${person.organisation.id}`}>
          {organisationName(person.organisation, language)}
        </Anchor>
        {!person.active && (
          <Badge color="gray" variant="light">
            {t('directory.person.left')}
          </Badge>
        )}
      </Group>
      <Section id="person-contacts" title={t('directory.org.contacts')}>
        <Stack gap="xs">
          {person.phones.map((phone) => (
            <Button
              key={phone.value}
              component="a"
              href={telHref(phone.value)}
              variant="light"
              justify="flex-start"
              fullWidth
            >
              {labels.of(phone.type, 'phoneTypes')} {phone.value}
            </Button>
          ))}
          {person.email && (
            <Text>
              <Text span c="dimmed">
                {labels.of('email', 'contactTypes')}:
              </Text>{' '}
              <Anchor href={`mailto:${person.email}`} style={{ overflowWrap: 'anywhere' }}>
                {person.email}
              </Anchor>
            </Text>
          )}
          {person.lineId && <Text>LINE: {person.lineId}</Text>}
          {person.hidden.length > 0 && <Text c="dimmed">{t('directory.person.hidden')}</Text>}
          {person.languages.length > 0 && (
            <Text size="sm">
              {t('directory.person.speaks', {
                languages: person.languages.map((code) => labels.of(code, 'languages')).join(', '),
              })}
            </Text>
          )}
          {hasVisibleContact(person) && (
            <Anchor href={vcardUrl(person.id)} download style={{ display: 'inline-flex', gap: 4 }}>
              <IconId size={18} aria-hidden />
              {t('directory.person.vcard')}
            </Anchor>
          )}
        </Stack>
      </Section>
      <Section id="person-focal" title={t('directory.org.focalPoints')}>
        {person.focalTopics.length === 0 ? (
          <Text c="dimmed">{t('directory.person.noFocal')}</Text>
        ) : (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {person.focalTopics.map((focal) => (
              <li key={focal.topic}>
                <Text span fw={600}>
                  {labels.of(focal.topic)}
                </Text>{' '}
                <Text span size="sm" c="dimmed">
                  ({t('directory.person.since')} <DateTime value={focal.since} />)
                </Text>
                {!person.active && (
                  <Badge ml={6} color="red" variant="filled">
                    {t('directory.org.vacant')}
                  </Badge>
                )}
              </li>
            ))}
          </Stack>
        )}
        {canEdit && person.focalTopics.length > 0 && <HandoverButton person={person} />}
      </Section>
      {canEdit && <PersonEditForm key={person.version} person={person} labels={labels} />}
    </Stack>
  );
}

function HandoverButton({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant={person.active ? 'default' : 'filled'}
        leftSection={<IconArrowsExchange size={18} aria-hidden />}
        onClick={() => setOpened(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('directory.person.handover')}
      </Button>
      <HandoverDialog
        person={person}
        organisationId={person.organisation.id}
        opened={opened}
        onClose={() => setOpened(false)}
      />
    </>
  );
}

function PersonEditForm({ person, labels }: { person: PersonView; labels: Labels }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);
  const [leaving, setLeaving] = useState(false);
  const [form, setForm] = useState(() => personFormOf(person));
  const [problems, setProblems] = useState<FieldProblems>({});
  const set = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) => withoutPersonProblemsOf(current, key));
  };
  const save = (body: Partial<UpdatePersonBody>, onDone?: () => void) =>
    update.mutate({ version: person.version, ...body } as UpdatePersonBody, {
      onSuccess: () => {
        feedback.success(t('directory.person.saved'));
        onDone?.();
      },
      onError: (error) => {
        setProblems(serverFieldProblems(error));
        focusFirstProblem();
      },
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkPersonForm(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstProblem();
    save(personFieldsOf(form, person));
  };
  return (
    <Section id="person-edit" title={t('directory.person.edit')}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          {isApiError(update.error, 409) ? (
            <Alert color="orange" role="alert">
              {t('directory.person.conflict')}
            </Alert>
          ) : (
            <ErrorAlert error={update.error} />
          )}
          <PersonFormFields form={form} set={set} problems={problems} labels={labels} />
          <Group justify="space-between" gap="xs">
            {person.active ? (
              <Button
                variant="outline"
                color="red"
                leftSection={<IconUserOff size={18} aria-hidden />}
                onClick={() => setLeaving(true)}
              >
                {t('directory.person.markLeft')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => save({ active: true })}>
                {t('directory.person.markBack')}
              </Button>
            )}
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={leaving}
        title={t('directory.person.markLeft')}
        message={t('directory.person.markLeftText')}
        confirmLabel={t('directory.person.markLeft')}
        danger
        loading={update.isPending}
        error={update.error}
        onConfirm={() => save({ active: false }, () => setLeaving(false))}
        onClose={() => setLeaving(false)}
      />
    </Section>
  );
}
