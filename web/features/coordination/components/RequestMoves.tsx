import { Alert, Button, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COORDINATION_LIMITS } from '../../../../common/coordination-api.ts';
import {
  type CoordinationState,
  coordinationTransitionTo,
  NOT_SUCCESSFUL_REASONS,
  OUTCOMES,
  type Outcome,
} from '../../../../common/coordination-states.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { isApiError } from '../../../lib/api.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type RequestDetail,
  type TransitionBody,
  useSuggestions,
  useTransition,
} from '../api/coordination.ts';
import { unitName } from '../labels.ts';

/** The order the buttons appear in: the usual next step first, cancelling last. */
const ORDER: CoordinationState[] = [
  'acknowledged',
  'accepted',
  'in_progress',
  'done',
  'awaiting_info',
  'forwarded',
  'declined',
  'cancelled',
];
const PRIMARY: CoordinationState[] = ['acknowledged', 'accepted', 'in_progress', 'done'];
const DANGER: CoordinationState[] = ['declined', 'cancelled'];

/**
 * The moves the server says this viewer may make now, each one tap (or two when it needs a reason, a
 * target inbox or an outcome). A move someone else made first is explained in words, and the page shows
 * the request as it is now.
 */
export function RequestMoves({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const transition = useTransition(request.id);
  const [open, setOpen] = useState<CoordinationState | null>(null);
  const moves = ORDER.filter((s) => request.transitions.includes(s));
  if (moves.length === 0 && !transition.error) return null;

  const send = (body: TransitionBody, done?: () => void) =>
    sendWithFeedback(transition, body, {
      success: t(`coordination.moves.sent.${body.to}`),
      done: () => done?.(),
    });
  const needsMore = (to: CoordinationState) =>
    (coordinationTransitionTo(request.state, to)?.requires.length ?? 0) > 0;
  const label = (to: CoordinationState) =>
    to === 'in_progress' && request.state === 'awaiting_info'
      ? t('coordination.moves.resume')
      : t(`coordination.moves.${to}`);

  return (
    <Stack gap="xs" aria-label={t('coordination.moves.title')} role="group">
      <ConflictNote error={transition.error} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        {moves.map((to) => (
          <Button
            key={to}
            size="md"
            variant={PRIMARY.includes(to) ? 'filled' : 'default'}
            color={DANGER.includes(to) ? 'red' : undefined}
            loading={transition.isPending && transition.variables?.to === to}
            disabled={transition.isPending && transition.variables?.to !== to}
            onClick={() => (needsMore(to) ? setOpen(to) : send({ to }))}
          >
            {label(to)}
          </Button>
        ))}
      </SimpleGrid>
      {open && (
        <MoveDialog
          request={request}
          to={open}
          pending={transition.isPending}
          error={transition.error}
          onClose={() => {
            transition.reset();
            setOpen(null);
          }}
          onSend={(body) => send(body, () => setOpen(null))}
        />
      )}
    </Stack>
  );
}

/** Someone else moved it first: say who, in words; the page has refetched what is true now. */
function ConflictNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error, 409)) return null;
  const by = (error.details as { acknowledgedBy?: { displayName?: string } } | undefined)?.acknowledgedBy;
  const message =
    error.code === 'ALREADY_ACKNOWLEDGED'
      ? t('coordination.conflict.acknowledged', {
          name: by?.displayName ?? t('coordination.conflict.someone'),
        })
      : t('coordination.conflict.moved');
  return (
    <Alert color="orange" variant="light" role="alert" data-testid="move-conflict">
      {message}
    </Alert>
  );
}

function MoveDialog({
  request,
  to,
  pending,
  error,
  onClose,
  onSend,
}: {
  request: RequestDetail;
  to: CoordinationState;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSend: (body: TransitionBody) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const requires = coordinationTransitionTo(request.state, to)?.requires ?? [];
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [outcomeReason, setOutcomeReason] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const suggestions = useSuggestions({
    type: requires.includes('forwardTarget') ? request.type : null,
    province: request.province,
    language: request.language,
  });
  const targets = (suggestions.data?.items ?? []).filter((s) => s.unit.id !== request.receivingUnit.id);
  const required = t('coordination.new.required');
  const errors = {
    reason: requires.includes('reason') && !reason.trim() ? required : null,
    target: requires.includes('forwardTarget') && !target ? required : null,
    outcome: requires.includes('outcome') && !outcome ? required : null,
    outcomeReason: outcome === 'not' && !outcomeReason ? required : null,
  };
  const tooLong = anyTooLong([[reason, COORDINATION_LIMITS.reason]]);
  const shown = (message: string | null) => (showErrors ? message : null);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (Object.values(errors).some(Boolean) || tooLong) return;
    onSend({
      to,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(target ? { forwardToUnitId: target } : {}),
      ...(outcome ? { outcome } : {}),
      ...(outcome === 'not' && outcomeReason ? { outcomeReason: outcomeReason as never } : {}),
    });
  };
  const reasonLabel =
    to === 'awaiting_info'
      ? t('coordination.moves.question')
      : to === 'done'
        ? t('coordination.moves.note')
        : t('coordination.moves.reason');

  return (
    <Modal opened onClose={onClose} title={t(`coordination.moves.${to}`)} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {requires.includes('outcome') && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="outcome-label">
                {t('coordination.moves.outcome')}
              </Text>
              <SegmentedControl
                aria-labelledby="outcome-label"
                data={OUTCOMES.map((o) => ({ value: o, label: t(`coordination.outcomes.${o}`) }))}
                value={outcome ?? ''}
                onChange={(value) => setOutcome(value as Outcome)}
                // Three long Thai labels do not fit side by side at 390 px: one above the other.
                orientation="vertical"
                fullWidth
                size="md"
              />
              {shown(errors.outcome) && (
                <Text size="sm" c="red">
                  {errors.outcome}
                </Text>
              )}
            </Stack>
          )}
          {outcome === 'not' && (
            <Select
              label={t('coordination.moves.outcomeReason')}
              required
              size="md"
              data={NOT_SUCCESSFUL_REASONS.map((r) => ({
                value: r,
                label: t(`coordination.outcomeReasons.${r}`),
              }))}
              value={outcomeReason}
              onChange={setOutcomeReason}
              error={shown(errors.outcomeReason)}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {requires.includes('forwardTarget') && (
            <Select
              label={t('coordination.moves.forwardTo')}
              description={t('coordination.moves.forwardHint')}
              required
              searchable
              size="md"
              data={targets.map((s) => ({
                value: s.unit.id,
                label: `${unitName(s.unit, language)} · ${organisationName(s.unit.organisation, language)}`,
              }))}
              value={target}
              onChange={setTarget}
              error={shown(errors.target)}
              nothingFoundMessage={t('common.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <LimitedTextarea
            label={reasonLabel}
            required={requires.includes('reason')}
            autosize
            minRows={3}
            limit={COORDINATION_LIMITS.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={shown(errors.reason)}
            data-autofocus
          />
          <ErrorAlert error={isApiError(error, 409) ? null : error} />
          <SimpleGrid cols={2} spacing="xs">
            <Button variant="default" size="md" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={pending} color={DANGER.includes(to) ? 'red' : undefined}>
              {t('coordination.moves.confirm')}
            </Button>
          </SimpleGrid>
        </Stack>
      </form>
    </Modal>
  );
}
