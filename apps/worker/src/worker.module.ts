import { Module } from '@nestjs/common';
import { ApplicationModule } from '@libs/application';
import { AdminQueuesController } from './ops/admin-queues.controller';
import { LeaverRevocations } from '@libs/application';
import { ReadYourWrites } from '@projections';
import { ConnectionJobsService } from './connection-jobs/connection-jobs.service';
import { MetricsController } from './ops/metrics.controller';
import { NotificationsService } from './notifications.service';

/**
 * All background work, on BullMQ: the reactor turns events into jobs; processors send mail, webhooks, reminders;
 * the connection scheduler refreshes OAuth2 tokens before expiry and ends access at its date, with its sweep
 * (R5.6, R12.4). ROLE=worker or all; the gateway runs none of it. The vault (VAULT, for webhook signing secrets) comes
 * from the command side, one shared instance under ROLE=all.
 */
@Module({
  imports: [ApplicationModule.forRoot()],
  controllers: [AdminQueuesController, MetricsController],
  providers: [NotificationsService, ConnectionJobsService, LeaverRevocations, ReadYourWrites],
})
export class WorkerModule {}
