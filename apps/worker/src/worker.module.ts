import { Module } from '@nestjs/common';
import { ApplicationModule } from '@libs/application';
import { AdminQueuesController } from './admin-queues.controller';
import { MetricsController } from './metrics.controller';
import { NotificationsService } from './notifications.service';

/**
 * Background work on BullMQ: the reactor turns events into jobs; processors send mail, webhooks, reminders. The
 * vault (VAULT, for webhook signing secrets) comes from the command side, one shared instance under ROLE=all.
 */
@Module({
  imports: [ApplicationModule.forRoot()],
  controllers: [AdminQueuesController, MetricsController],
  providers: [NotificationsService],
})
export class WorkerModule {}
