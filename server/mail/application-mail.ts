import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ConfirmView, Locale, MailEvent, RuntimeForm } from '../../engine/index.js';
import type { Database, MailOutboxTable, TargetRole, TargetStatus } from '../db/database.js';

/** Everything a mail about an application may say: the confirm view and the application record. */
export interface ApplicationMailInput {
  readonly event: MailEvent;
  /** The form version the application was filed against; its `mail` hooks pick the templates. */
  readonly form: RuntimeForm;
  readonly application: {
    readonly id: string;
    readonly formId: string;
    readonly formVersion: number;
    readonly createdAt: Date;
  };
  readonly confirmView: ConfirmView;
  readonly member: {
    readonly name: string;
    readonly registrationNumber: string;
    readonly email: string;
    readonly locale: Locale;
  };
  readonly targets: readonly {
    readonly associationId: string;
    readonly name: string;
    readonly nameEn: string;
    readonly layer: number;
    readonly officeEmail: string;
    readonly role: TargetRole;
    readonly status: TargetStatus;
    readonly comment: string | null;
  }[];
  /** For in-review, approved and returned: the association that decided, and its comment. */
  readonly decision?: {
    readonly associationId: string;
    readonly comment: string | null;
  };
}

/** One rendered mail as it goes into `mail_outbox`, not yet written. */
export type OutboxMail = Insertable<MailOutboxTable>;

/**
 * The port the server writes mail through. It renders the templates the form's hooks name for
 * the event; the mail is written with the change it reports, so it exists exactly when that
 * change was committed.
 */
export interface ApplicationMailer {
  /**
   * The outbox rows of the event's mails, rendered now, for a caller that writes them in the
   * same statement as its change (a new application is one statement: no transaction needed).
   */
  render(input: ApplicationMailInput): OutboxMail[];
  /** Renders the mails and inserts them on the given transaction. Returns how many were queued. */
  enqueue(db: Kysely<Database> | Transaction<Database>, input: ApplicationMailInput): Promise<number>;
}
