/** Every feature module, in registration order; buildApp registers this list and nothing feature-specific. */
import audit from './audit/index.ts';
import auth from './auth/index.ts';
import backup from './backup/index.ts';
import coordination from './coordination/index.ts';
import directory from './directory/index.ts';
import forumCheckin from './forum-checkin/index.ts';
import forumFeedback from './forum-feedback/index.ts';
import forumMinutes from './forum-minutes/index.ts';
import forums from './forums/index.ts';
import health from './health/index.ts';
import invitations from './invitations/index.ts';
import line from './line/index.ts';
import me from './me/index.ts';
import notifications from './notifications/index.ts';
import outbox from './outbox/index.ts';
import problems from './problems/index.ts';
import reports from './reports/index.ts';
import testClock from './test-clock/index.ts';
import users from './users/index.ts';
import vault from './vault/index.ts';

export const MODULES = [
  health,
  notifications,
  auth,
  me,
  invitations,
  users,
  directory,
  problems,
  forumMinutes,
  coordination,
  forumCheckin,
  forums,
  reports,
  forumFeedback,
  vault,
  audit,
  outbox,
  line,
  backup,
  testClock,
];
