import type { Kysely, Transaction } from 'kysely';
import type { ConfirmView, Locale, MailEvent, RuntimeForm } from '../../engine/index.js';
import type { Database, TargetRole, TargetStatus } from '../db/database.js';

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

/**
 * The port the server writes mail through. It renders the templates the form's hooks name for
 * the event and inserts the mails into the outbox on the given transaction, so the mail exists
 * exactly when the change it reports was committed. Returns how many mails were queued.
 */
export interface ApplicationMailer {
  enqueue(db: Kysely<Database> | Transaction<Database>, input: ApplicationMailInput): Promise<number>;
}
