import type { AcceptService } from '../domain/queue/accept-service';
import type { HelpService } from '../domain/queue/help-service';
import type { PresenceService } from '../domain/queue/presence-service';
import type { QueueAdminService } from '../domain/queue/queue-admin-service';
import type { QueuePublisher } from '../domain/queue/queue-publisher';
import type { QueueRecords, QueueViews } from '../domain/queue/queue-views';
import type { QueueRouter } from '../domain/queue/queue-router';
import type { TransferService } from '../domain/queue/transfer-service';
import type { QueueStore } from '../store/queue-store';

/** What the queue handlers and routes call into (composed in compose-queues.ts). */
export interface QueueServices {
  store: QueueStore;
  help: HelpService;
  presence: PresenceService;
  accept: AcceptService;
  transfer: TransferService;
  admin: QueueAdminService;
  views: QueueViews;
  records: QueueRecords;
  publisher: QueuePublisher;
  router: QueueRouter;
}
