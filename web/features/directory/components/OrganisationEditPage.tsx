import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { feedback } from '../../../lib/feedback.ts';
import { type FieldProblems, serverFieldProblems, useFocusFirstProblem } from '../../../lib/fieldErrors.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import {
  conflictCurrent,
  type Labels,
  type OrganisationDetail,
  type UpdateOrganisationBody,
  useLabels,
  useOrganisation,
  useUpdateOrganisation,
} from '../api/directory.ts';
import {
  checkOrganisationForm,
  OrganisationFormFields,
  type OrganisationFormState,
  onContactRows,
  organisationBodyOf,
  organisationFormOf,
  withoutProblemsOf,
} from './OrganisationForm.tsx';

type FormState = OrganisationFormState;
const formOf = organisationFormOf;

function bodyOf(form: FormState, version: number): UpdateOrganisationBody {
  return { version, ...organisationBodyOf(form) };
}

/** Only what this editor changed, so a save never puts back values that someone else changed meanwhile. */
function patchOf(form: FormState, base: OrganisationDetail): UpdateOrganisationBody {
  const mine = bodyOf(form, base.version) as Record<string, unknown>;
  const before = bodyOf(formOf(base), base.version) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(mine).filter(
      ([key, value]) => key === 'version' || JSON.stringify(value) !== JSON.stringify(before[key]),
    ),
  ) as UpdateOrganisationBody;
}

/** This editor's changes moved onto the newer record: fields they did not touch take the newer values. */
function rebase(form: FormState, oldBase: OrganisationDetail, newBase: OrganisationDetail): FormState {
  const edited = new Set(changedBetween(form, formOf(oldBase)));
  const fresh = formOf(newBase);
  return Object.fromEntries(
    Object.keys(form).map((key) => [
      key,
      edited.has(key) ? form[key as keyof FormState] : fresh[key as keyof FormState],
    ]),
  ) as unknown as FormState;
}

/** Field names whose values differ between two forms (contacts compared as a whole). */
function changedBetween(a: FormState, b: FormState): string[] {
  const strip = (form: FormState) => ({
    ...form,
    contacts: form.contacts.map(({ key: _key, ...contact }) => contact),
  });
  const left = strip(a) as Record<string, unknown>;
  const right = strip(b) as Record<string, unknown>;
  return Object.keys(left).filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]));
}

export function OrganisationEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const title = t('directory.edit.title');
  return (
    <QueryPage
      query={useOrganisation(id)}
      title={title}
      back={{ to: '/organisations', label: t('directory.backToList') }}
    >
      {(organisation) =>
        organisation.permissions.edit ? (
          <EditForm organisation={organisation} />
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

function EditForm({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const navigate = useNavigate();
  const update = useUpdateOrganisation(organisation.id);
  const formRef = useRef<HTMLFormElement>(null);
  // What the form was loaded from: its version goes with the save, its values show what others changed.
  const [base, setBase] = useState(organisation);
  const [form, setForm] = useState(() => formOf(organisation));
  const [conflict, setConflict] = useState<{ fields: string[]; current: OrganisationDetail } | null>(null);
  const [problems, setProblems] = useState<FieldProblems>({});
  const focusFirstProblem = useFocusFirstProblem(formRef);

  const setField = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) => withoutProblemsOf(current, key));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkOrganisationForm(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstProblem();
    update.mutate(patchOf(form, base), {
      onSuccess: () => {
        feedback.success(t('directory.edit.saved'));
        navigate(`/organisations/${organisation.id}`);
      },
      onError: (error) => {
        setProblems(onContactRows(serverFieldProblems(error), form));
        focusFirstProblem();
        if (!isApiError(error, 409)) return;
        const current = conflictCurrent(error.details);
        if (!current) return;
        // Keep what this user typed; show what the other person changed; saving again applies ours on theirs.
        setConflict({ fields: changedBetween(formOf(base), formOf(current)), current });
        setForm((mine) => rebase(mine, base, current));
        setBase(current);
        window.scrollTo({ top: 0 });
      },
    });
  };

  const discardMine = () => {
    if (!conflict) return;
    setForm(formOf(conflict.current));
    setConflict(null);
    update.reset();
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <PageHeader
          title={t('directory.edit.title')}
          description={organisationName(organisation, language)}
        />
        {conflict && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('directory.edit.conflictTitle')}
            role="alert"
          >
            <Stack gap="xs">
              <Text size="sm">
                {t('directory.edit.conflictText', { name: conflictEditor(conflict.current) })}
              </Text>
              {conflict.fields.length > 0 && (
                <List size="sm">
                  {conflict.fields.map((field) => (
                    <List.Item key={field}>
                      <Text span fw={600} size="sm">
                        {t(`directory.fields.${field === 'provinceCode' ? 'province' : field}`)}
                      </Text>
                      : {describe(conflict.current, field, { labels, language, t })}
                    </List.Item>
                  ))}
                </List>
              )}
              <Group gap="xs">
                <Button type="submit" loading={update.isPending}>
                  {t('directory.edit.reapply')}
                </Button>
                <Button variant="default" onClick={discardMine}>
                  {t('directory.edit.discardMine')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {update.error && !conflict && <ErrorAlert error={update.error} />}

        <OrganisationFormFields
          form={form}
          setField={setField}
          problems={problems}
          labels={labels}
          language={language}
          organisationId={organisation.id}
        />

        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => navigate(`/organisations/${organisation.id}`)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function conflictEditor(current: OrganisationDetail): string {
  return current.history[0]?.actor?.displayName ?? '—';
}

function describe(
  current: OrganisationDetail,
  field: string,
  { labels, language, t }: { labels: Labels; language: Language; t: TFunction },
): string {
  const form = formOf(current);
  const value = (form as unknown as Record<string, unknown>)[field];
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (field === 'contacts') return form.contacts.map((contact) => contact.value).join(', ');
  if (field === 'parentId' && current.parent) return organisationName(current.parent, language);
  if (field === 'sector') return t(`sectors.${current.sector}`);
  if (Array.isArray(value)) return value.map((code) => labels.of(String(code))).join(', ');
  if (typeof value === 'string') return labels.of(value);
  return String(value);
}
