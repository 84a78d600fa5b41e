import type { ChatService } from '../domain/chat-service';
import type { ConsentService } from '../domain/consent-service';
import type { ControlService } from '../domain/control/control-service';
import type { CustomerAudience } from '../domain/customer-audience';
import type { FileTransferService } from '../domain/files/file-transfer-service';
import type { FolderService } from '../domain/files/folder-service';
import type { SessionControlService } from '../domain/session-control-service';
import type { SessionService } from '../domain/session-service';
import type { StaffDirectory } from '../domain/staff-directory';
import type { AnnotationService } from '../media/annotation-service';
import type { MediaRooms } from '../media/media-rooms';
import type { PublishService } from '../media/publish-service';
import type { ShareService } from '../media/share-service';
import type { VoiceService } from '../media/voice-service';
import type { SessionStore } from '../store/session-store';

/** What the socket handlers call into. */
export interface Services {
  store: SessionStore;
  sessions: SessionService;
  control: SessionControlService;
  chat: ChatService;
  consents: ConsentService;
  /** Remote control (R3.1, R3.7, R9). */
  remote: ControlService;
  rooms: MediaRooms;
  /** File transfer (R7.1, R7.3) and folder mode (R7.2). */
  files: FileTransferService;
  folders: FolderService;
  shares: ShareService;
  publish: PublishService;
  voice: VoiceService;
  annotations: AnnotationService;
  directory: StaffDirectory;
  /** What customers may see of the staff (hidden supervisors). */
  audience: CustomerAudience;
  /** Site setting: customers see supervisors in the participants list. */
  showSupervisorsToCustomers: boolean;
}
