import { randomBytes } from 'node:crypto';

export interface Ticket {
  file: string;
  mediaType: string;
  expires: number;
}

const LIFETIME_MS = 30 * 60 * 1000;
const MAX_TICKETS = 200;

/**
 * Short-lived addresses for evidence files, so an <img>, <video> or the PDF viewer can load a
 * file (with seeking) although they cannot send the access token. A ticket is issued only to a
 * caller holding the token, names one file that was already confined to its portfolio, and
 * cannot be guessed.
 */
export class FileTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly clock: () => number = Date.now) {}

  issue(file: string, mediaType: string): string {
    const id = randomBytes(24).toString('base64url');
    this.tickets.set(id, { file, mediaType, expires: this.clock() + LIFETIME_MS });
    while (this.tickets.size > MAX_TICKETS) {
      const oldest = this.tickets.keys().next().value;
      if (oldest === undefined) break;
      this.tickets.delete(oldest);
    }
    return id;
  }

  redeem(id: string): Ticket | null {
    const ticket = this.tickets.get(id);
    if (!ticket) return null;
    if (ticket.expires < this.clock()) {
      this.tickets.delete(id);
      return null;
    }
    return ticket;
  }

  clear(): void {
    this.tickets.clear();
  }
}

export const FILE_ROUTE = '/evidence-file/';
