import { Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { type FieldProblems, serverFieldProblems, useFocusFirstProblem } from '../../../lib/fieldErrors.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { type CreateOrganisationBody, useCreateOrganisation, useLabels } from '../api/directory.ts';
import {
  checkOrganisationForm,
  emptyOrganisationForm,
  OrganisationFormFields,
  type OrganisationFormState,
  onContactRows,
  organisationBodyOf,
  withoutProblemsOf,
} from './OrganisationForm.tsx';

/** Admins add an organisation to the network; it opens on its new page, where people can be added. */
export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const navigate = useNavigate();
  const create = useCreateOrganisation();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);
  const [form, setForm] = useState(emptyOrganisationForm);
  const [problems, setProblems] = useState<FieldProblems>({});

  const setField = <K extends keyof OrganisationFormState>(key: K, value: OrganisationFormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) => withoutProblemsOf(current, key));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkOrganisationForm(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstProblem();
    create.mutate(organisationBodyOf(form) as CreateOrganisationBody, {
      onSuccess: (organisation) => {
        feedback.success(t('directory.create.created'));
        navigate(`/organisations/${organisation.id}`);
      },
      onError: (error) => {
        setProblems(onContactRows(serverFieldProblems(error), form));
        focusFirstProblem();
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <PageHeader title={t('directory.create.title')} description={t('directory.create.description')} />
        <ErrorAlert error={create.error} />
        <OrganisationFormFields
          form={form}
          setField={setField}
          problems={problems}
          labels={labels}
          language={language}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => navigate('/organisations')}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('directory.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
