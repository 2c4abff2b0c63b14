import { Alert, Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { type FieldProblems, serverFieldProblems, useFocusFirstProblem } from '../../../lib/fieldErrors.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { type OrganisationDetail, useCreatePerson, useLabels, useOrganisation } from '../api/directory.ts';
import {
  checkPersonForm,
  PersonFormFields,
  type PersonFormState,
  personFieldsOf,
  personFormOf,
  withoutPersonProblemsOf,
} from './PersonForm.tsx';

/** Org admins add a person to their organisation (admins to any); the new person's page opens. */
export function PersonCreatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const title = t('directory.person.add');
  return (
    <QueryPage
      query={useOrganisation(id)}
      title={title}
      back={{ to: '/organisations', label: t('directory.backToList') }}
    >
      {(organisation) =>
        organisation.permissions.addPerson ? (
          <CreateForm organisation={organisation} />
        ) : (
          <Stack>
            <PageHeader title={title} />
            <Alert color="red">{t('errors.FORBIDDEN')}</Alert>
          </Stack>
        )
      }
    </QueryPage>
  );
}

function CreateForm({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const navigate = useNavigate();
  const create = useCreatePerson();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);
  const [form, setForm] = useState(() => personFormOf());
  const [problems, setProblems] = useState<FieldProblems>({});
  const set = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) => withoutPersonProblemsOf(current, key));
  };
  const back = `/organisations/${organisation.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkPersonForm(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstProblem();
    create.mutate(
      { organisationId: organisation.id, ...personFieldsOf(form), nameTh: form.nameTh.trim() },
      {
        onSuccess: (person) => {
          feedback.success(t('directory.person.added'));
          navigate(`/people/${person.id}`);
        },
        onError: (error) => {
          setProblems(serverFieldProblems(error));
          focusFirstProblem();
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <PageHeader
          title={t('directory.person.add')}
          description={organisationName(organisation, language)}
        />
        <ErrorAlert error={create.error} />
        <Section id="person-new" title={t('directory.person.details')}>
          <PersonFormFields form={form} set={set} problems={problems} labels={labels} />
        </Section>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => navigate(back)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('directory.person.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
