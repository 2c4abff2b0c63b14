/** The icon beside each timeline event, chosen by the event's icon key in common/problem-events.ts. */
import {
  IconArrowsExchange,
  IconCertificate,
  IconEyeOff,
  IconFlag,
  IconMessage,
  IconPencil,
  IconPlus,
  IconShieldExclamation,
  IconUserCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import {
  PROBLEM_EVENTS,
  type ProblemEventIcon,
  type ProblemEventKind,
} from '../../../../common/problem-events.ts';

export const TIMELINE_ICONS: Record<ProblemEventIcon, typeof IconPlus> = {
  new: IconPlus,
  support: IconUsersGroup,
  assignment: IconUserCheck,
  answer: IconCertificate,
  state: IconArrowsExchange,
  comment: IconMessage,
  edit: IconPencil,
  hidden: IconEyeOff,
  report: IconFlag,
  privacy: IconShieldExclamation,
  // Deadline events have had the default bullet so far; an icon of their own is a design decision.
  deadline: IconPlus,
};

/** A kind this build does not know yet (a newer server) gets the default bullet. */
export const timelineIconOf = (kind: ProblemEventKind) => {
  const key: ProblemEventIcon | undefined = PROBLEM_EVENTS[kind]?.icon;
  return key ? TIMELINE_ICONS[key] : IconPlus;
};
