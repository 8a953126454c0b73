import { ThrottlerStorageService } from '@nestjs/throttler';
import type { PeekableThrottlerStorage } from './redis-throttler-storage';

/** @nestjs/throttler's in-memory storage (one process: the embedded default without Redis), able to peek. */
export class MemoryThrottlerStorage extends ThrottlerStorageService implements PeekableThrottlerStorage {
  async blockedFor(key: string): Promise<number> {
    const record = this.storage.get(key);
    if (!record?.isBlocked) return 0;
    return Math.max(0, Math.ceil((record.blockExpiresAt - Date.now()) / 1000));
  }
}
