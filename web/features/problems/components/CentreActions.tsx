import { Alert, Button, Group, Loader, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_LIMITS } from '../../../../common/problems-api.ts';
import type { ProblemState } from '../../../../common/problems-taxonomy.ts';
import { DAY_MS } from '../../../../common/time.ts';
import {
  bangkokDay,
  defaultDeadlineDay,
  endOfWorkingDay,
  MAX_DEADLINE_DAYS,
  WORKING_DAY_END,
} from '../../../../common/working-day.ts';
import { DayPickerInput } from '../../../components/DayPickerInput.tsx';
import { DraftRestoredNote } from '../../../components/DraftRestoredNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { Section } from '../../../components/Section.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useDraft } from '../../../lib/drafts.ts';
import { feedback, sendWithFeedback } from '../../../lib/feedback.ts';
import { serverFieldProblems } from '../../../lib/fieldErrors.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName, organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import { useDeadlineSettings } from '../api/deadlines.ts';
import {
  mayBeOriginal,
  type OriginalCandidate,
  pastedProblemId,
  useOriginalCandidates,
} from '../api/duplicates.ts';
import { type ProblemDetail, useAnswer, useAssign, useTransition } from '../api/problems.ts';
import { stateLabel } from '../labels.ts';
import { usePrivacyGuard, withoutPrivacyWarning } from './PrivacyGuard.tsx';

/** What this viewer may do in the Centre's loop: move the state, assign, answer officially. */
export function CentreActions({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const { transitions, assign, answer } = problem.permissions;
  if (transitions.length === 0 && !assign && !answer) return null;
  return (
    <Section id="actions" title={t('problems.actions.title')}>
      {transitions.length > 0 && <Transitions problem={problem} />}
      {assign && <AssignForm problem={problem} />}
      {answer && <AnswerForm problem={problem} />}
    </Section>
  );
}

function Transitions({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const transition = useTransition(problem.id);
  const [target, setTarget] = useState<ProblemState | null>(null);
  // A not-feasible reason can be long: kept through an expired session, dropped on cancel or once sent.
  const reasonDraft = useDraft(`state-reason.${problem.id}`, '');
  const reason = reasonDraft.value;
  const [original, setOriginal] = useState<OriginalCandidate | null>(null);
  const needsReason = target === 'not_feasible';
  const needsOriginal = target === 'duplicate';
  const originalId = needsOriginal ? original?.id : undefined;
  const conflict = isApiError(transition.error, 409)
    ? (transition.error.details as { allowed?: string[] })
    : null;
  const close = () => {
    setTarget(null);
    reasonDraft.clear();
    setOriginal(null);
    transition.reset();
  };
  const submit = () =>
    sendWithFeedback(
      transition,
      { to: target!, reason: reason.trim() || null, ...(originalId ? { duplicateOfId: originalId } : {}) },
      { success: t('problems.actions.moved', { state: stateLabel(target!, language) }), done: close },
    );
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('problems.actions.moveTo')}
      </Text>
      <Group gap="xs">
        {problem.permissions.transitions.map((to) => (
          <Button key={to} variant="light" size="sm" onClick={() => setTarget(to)}>
            {stateLabel(to, language)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={target !== null}
        onClose={close}
        title={target ? t('problems.actions.confirmMove', { state: stateLabel(target, language) }) : ''}
      >
        <Stack>
          <LimitedTextarea
            label={needsReason ? t('problems.actions.reasonRequired') : t('problems.actions.reason')}
            required={needsReason}
            autosize
            minRows={2}
            limit={PROBLEM_LIMITS.reason}
            value={reason}
            onChange={(e) => reasonDraft.setValue(e.currentTarget.value)}
          />
          {needsOriginal && <OriginalPicker problemId={problem.id} value={original} onChange={setOriginal} />}
          <ErrorAlert error={transition.error} />
          {conflict?.allowed && (
            <Text size="sm">
              {t('problems.actions.allowedNow', {
                states: conflict.allowed.map((s) => stateLabel(s, language)).join(', ') || '—',
              })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={submit}
              loading={transition.isPending}
              disabled={
                (needsReason && !reason.trim()) ||
                (needsOriginal && !originalId) ||
                anyTooLong([[reason, PROBLEM_LIMITS.reason]])
              }
            >
              {t('problems.actions.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/**
 * The original of a duplicate: titles found as the admin types (the board's Thai search), each with its
 * state; a pasted id or problem link is looked up and chosen at once. The problem itself is never offered.
 */
function OriginalPicker({
  problemId,
  value,
  onChange,
}: {
  problemId: string;
  value: OriginalCandidate | null;
  onChange: (original: OriginalCandidate | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search, 300);
  const pasted = pastedProblemId(search);
  // A pasted id or link is complete: no need to wait for more typing.
  const candidates = useOriginalCandidates(pasted ? search : debounced, problemId);
  const found = candidates.data ?? [];
  const shown = value && !found.some((c) => c.id === value.id) ? [value, ...found] : found;
  const byId = new Map(shown.map((c) => [c.id, c]));
  const lookedUp = pasted && found.length === 1 && found[0]!.id === pasted ? found[0]! : null;
  useEffect(() => {
    if (lookedUp && mayBeOriginal(lookedUp.state) && value?.id !== lookedUp.id) {
      onChange(lookedUp);
      // Chosen: the list would only cover the confirm button.
      setOpened(false);
    }
  }, [lookedUp, value, onChange]);
  const waiting = search.trim().length < 2 && !pasted;
  return (
    <Select
      label={t('problems.actions.duplicateOf')}
      description={t('problems.actions.duplicateOfHint')}
      placeholder={t('problems.actions.duplicateSearch')}
      required
      searchable
      clearable
      data={shown.map((c) => ({ value: c.id, label: c.title, disabled: !mayBeOriginal(c.state) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      // The server has already searched; the typed text need not appear in the title (a pasted link).
      filter={({ options }) => options}
      renderOption={({ option }) => {
        const c = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {c && (
              <Text size="xs" c="dimmed">
                {stateLabel(c.state, language)}
                {!mayBeOriginal(c.state) && ` · ${t('problems.actions.cannotBeOriginal')}`}
              </Text>
            )}
          </Stack>
        );
      }}
      rightSection={candidates.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      nothingFoundMessage={
        waiting
          ? t('problems.actions.duplicateTypeMore')
          : candidates.isFetching || search !== debounced
            ? t('common.loading')
            : t('common.nothingFound')
      }
      error={candidates.error ? t('problems.actions.duplicateSearchFailed') : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function AssignForm({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const assign = useAssign(problem.id);
  const { organisations } = useAllOrganisations();
  const [selected, setSelected] = useState<string[]>(problem.assignments.map((a) => a.organisation.id));
  const [lead, setLead] = useState<string | null>(
    problem.assignments.find((a) => a.lead)?.organisation.id ?? null,
  );
  const options = organisationOptions(organisations, language);
  const leadOptions = options.filter((o) => selected.includes(o.value));
  // Only the Centre assigns, and it sees who raised an anonymous problem: it is told before making the
  // reporter an assignee, whose answers are then shown under its name like any other assignee's.
  const reporter = problem.anonymous ? problem.reporterOrganisation : null;
  const assigningReporter = reporter !== null && selected.includes(reporter.id);
  const deadline = useFirstAnswerDeadline(problem);
  const deadlineProblem = serverFieldProblems(assign.error).firstAnswerDueAt;
  const submit = () =>
    sendWithFeedback(
      assign,
      {
        organisationIds: selected,
        leadOrganisationId: lead!,
        ...(deadline.chosen ? { firstAnswerDueAt: endOfWorkingDay(deadline.chosen).toISOString() } : {}),
      },
      {
        success: t('problems.actions.assigned', {
          organisations: options
            .filter((o) => selected.includes(o.value))
            .map((o) => o.label)
            .join(', '),
        }),
      },
    );
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('problems.actions.assignTo')}
        data={options}
        value={selected}
        onChange={(values) => {
          setSelected(values);
          if (lead && !values.includes(lead)) setLead(null);
          if (!lead && values.length === 1) setLead(values[0]!);
        }}
        searchable
        maxValues={10}
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('problems.actions.lead')}
        data={leadOptions}
        value={lead}
        onChange={setLead}
        disabled={selected.length === 0}
        comboboxProps={{ withinPortal: true }}
      />
      {deadline.open && (
        <DayPickerInput
          label={t('problems.actions.firstAnswerDue')}
          description={deadline.hint}
          value={deadline.day}
          onChange={deadline.setDay}
          minDate={deadline.minDate}
          maxDate={deadline.maxDate}
          error={deadlineProblem ? t(deadlineProblem) : undefined}
        />
      )}
      {assigningReporter && (
        <Alert color="yellow" data-testid="assign-anonymous-reporter">
          {t('problems.actions.assignsAnonymousReporter', {
            organisation: organisationName(reporter, language),
          })}
        </Alert>
      )}
      <ErrorAlert error={assign.error} />
      <Group justify="flex-end">
        <Button loading={assign.isPending} disabled={selected.length === 0 || !lead} onClick={submit}>
          {t('problems.actions.assign')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The first answer's deadline as a day in Bangkok; it is due at the end of that working day. Offered: the
 * day the category's days fall on, or the deadline already running on a reassignment. `chosen` is what to
 * send: nothing when the running deadline is kept or the day is cleared (the server then applies the default).
 */
function useFirstAnswerDeadline(problem: ProblemDetail) {
  const { t } = useTranslation();
  const settings = useDeadlineSettings();
  const running = problem.deadlines.firstAnswerDueAt;
  const runningDay = running ? bangkokDay(new Date(running)) : '';
  const days = settings.data?.items.find((s) => s.category === problem.category)?.firstAnswerDays;
  const [picked, setDay] = useState<string | null>(null);
  const now = new Date();
  const offered = runningDay || (days ? defaultDeadlineDay(now, days) : '');
  const day = picked ?? offered;
  const today = bangkokDay(now);
  const pastTodaysEnd = endOfWorkingDay(today).getTime() <= now.getTime();
  return {
    // Once the first answer is given its deadline is over; the server refuses to move it.
    open: !problem.deadlines.firstAnsweredAt,
    day,
    setDay,
    chosen: day && day !== runningDay ? day : null,
    minDate: pastTodaysEnd ? bangkokDay(new Date(now.getTime() + DAY_MS)) : today,
    // The last whole day: its 16:30 must still be within the year the server allows.
    maxDate: bangkokDay(new Date(now.getTime() + (MAX_DEADLINE_DAYS - 1) * DAY_MS)),
    hint: running
      ? t('problems.actions.firstAnswerDueKept', { time: WORKING_DAY_END })
      : t('problems.actions.firstAnswerDueHint', { time: WORKING_DAY_END, days: days ?? '…' }),
  };
}

function AnswerForm({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const answer = useAnswer(problem.id);
  const privacy = usePrivacyGuard();
  const draft = useDraft(`answer.${problem.id}`, { bodyTh: '', bodyEn: '' });
  const { bodyTh, bodyEn } = draft.value;
  const setBodyTh = (value: string) => draft.setValue((d) => ({ ...d, bodyTh: value }));
  const setBodyEn = (value: string) => draft.setValue((d) => ({ ...d, bodyEn: value }));
  const submit = () => {
    if (answer.isPending) return;
    privacy
      .run(
        (p) => answer.mutateAsync({ bodyTh: bodyTh.trim(), bodyEn: bodyEn.trim() || null, ...p }),
        { bodyTh, bodyEn },
        () => {
          feedback.success(t('problems.actions.answered'));
          draft.clear();
        },
      )
      .catch(() => undefined);
  };
  return (
    <Stack gap="xs">
      {draft.restored && <DraftRestoredNote onDiscard={draft.clear} />}
      <LimitedTextarea
        label={t('problems.fields.bodyTh')}
        required
        autosize
        minRows={3}
        limit={PROBLEM_LIMITS.answer}
        value={bodyTh}
        onChange={(e) => setBodyTh(e.currentTarget.value)}
      />
      <LimitedTextarea
        label={t('problems.fields.bodyEn')}
        autosize
        minRows={2}
        limit={PROBLEM_LIMITS.answer}
        value={bodyEn}
        onChange={(e) => setBodyEn(e.currentTarget.value)}
        lang="en"
      />
      <ErrorAlert error={withoutPrivacyWarning(answer.error)} />
      <Group justify="flex-end">
        <Button
          color="teal"
          loading={answer.isPending}
          disabled={
            !bodyTh.trim() ||
            anyTooLong([
              [bodyTh, PROBLEM_LIMITS.answer],
              [bodyEn, PROBLEM_LIMITS.answer],
            ])
          }
          onClick={submit}
        >
          {t('problems.actions.postAnswer')}
        </Button>
      </Group>
      {privacy.dialog}
    </Stack>
  );
}
