import { Module } from '@nestjs/common';
import { AdminQueuesController } from './admin-queues.controller';
import { MetricsController } from './metrics.controller';
import { NotificationsService } from './notifications.service';

/** Background work on BullMQ: the reactor turns events into jobs; processors send mail, webhooks, reminders. */
@Module({
  controllers: [AdminQueuesController, MetricsController],
  providers: [NotificationsService],
})
export class WorkerModule {}
