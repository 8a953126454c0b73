import type { Job, Queue } from 'bullmq';
import { appsToRemindOf, streams } from '@libs/domain';
import type { EventStore } from '@libs/event-store';
import { addresseeLanguage } from '../mail/addressee-language';
import type { DirectoryLookup } from '../reactor/directory-lookup';
import { jobId } from '../reactor/job-id';
import { partiesWhoLeft } from '../reactor/parties-who-left';
import type { MailJobData, ReminderJobData } from '../reactor/jobs';
import { mailRequest } from '../mail/mail-facts';
import { foldRequest } from '../reactor/request-states';

/**
 * R12.5: a reminder was scheduled when the request was created; when it is due, the request is read again and
 * the recipient is reminded only while it exists and some app still waits (PENDING).
 */
export function reminderProcessor(deps: {
  store: EventStore;
  directory: DirectoryLookup;
  mailQueue: Queue;
  jobOptions: object;
}) {
  return async (job: Job<ReminderJobData>): Promise<{ reminded: boolean }> => {
    const state = foldRequest(await deps.store.readStream(streams.credentialRequest(job.data.requestId)));
    const pending = appsToRemindOf(state);
    if (pending.length === 0) return { reminded: false };
    // R13.13: a recipient who left the organization may no longer answer, nor hear of the request.
    const org = await deps.directory.organization(state.organizationId);
    if (partiesWhoLeft(org, state).has(state.recipient.email)) return { reminded: false };
    const notAccepted = state.invitation !== null && state.invitation.acceptedBy === null;
    const data: MailJobData = {
      template: 'reminder',
      to: state.recipient.email,
      data: {
        request: mailRequest(state, pending),
        daysWaiting: job.data.daysWaiting,
        // Issue 10: the recipient's language as it is now (their own choice, else the request's).
        language: await addresseeLanguage(state.recipient, state, (userId) => deps.directory.user(userId)),
      },
      eventId: job.data.eventId,
      ...(job.data.trace ? { trace: job.data.trace } : {}),
      occurredAt: new Date().toISOString(),
      invitationId: notAccepted ? state.invitation?.invitationId : null,
    };
    const id = jobId(job.data.eventId, `reminder-${job.data.n}`, state.recipient.email);
    await deps.mailQueue.add('reminder', data, { ...deps.jobOptions, jobId: id });
    return { reminded: true };
  };
}
