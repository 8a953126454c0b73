/** BullMQ queue names; defined in @libs/notifications so the worker, tools and tests share them. */
export { QUEUE_NAMES as QUEUES } from '@libs/notifications';
