import type {
  ConfirmView,
  FieldError,
  FormDefinition,
  Localized,
  MailHook,
  ResolvedSources,
  SubmissionData,
} from '../../engine/browser.js';

/** The studio API's answers, as `server/studio/studio-routes.ts` gives them; only what the studio reads. */

/** One problem in a draft: where (a JSON pointer, or `line:column` in a template file) and how to fix it. */
export interface StudioIssue {
  readonly formId: string;
  readonly file: string;
  readonly pointer: string;
  readonly code: string;
  readonly message: Localized;
}

export interface PublishedVersion {
  readonly version: number;
  readonly hash: string;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
}

/** `GET /api/staff/forms` */
export interface FormSummary {
  readonly id: string;
  readonly title: Localized;
  readonly currentVersion: number;
  readonly versions: readonly PublishedVersion[];
}

export interface FormExample {
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly today?: string;
}

export interface TestMember {
  readonly id: string;
  readonly name: string;
  readonly sources: ResolvedSources;
}

/** `GET /api/staff/forms/:id` */
export interface FormDetail {
  readonly form: {
    readonly id: string;
    readonly version: number;
    readonly hash: string;
    readonly definition: FormDefinition;
  };
  readonly versions: readonly PublishedVersion[];
  readonly examples: readonly FormExample[];
  readonly templates: { readonly used: readonly string[]; readonly available: readonly string[] };
  readonly testMembers: readonly TestMember[];
  readonly today: string;
}

/** `POST /api/staff/forms/:id/check` */
export interface CheckResult {
  readonly issues: readonly StudioIssue[];
  readonly hash?: string;
  readonly validatorUrl?: string;
}

/** `POST /api/staff/forms/:id/preview` */
export interface PreviewResult {
  readonly issues: readonly StudioIssue[];
  readonly errors: readonly FieldError[];
  readonly value: SubmissionData | null;
  readonly confirmView: ConfirmView | null;
}

export interface RenderedMail {
  readonly hook: MailHook;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The HTML at a URL of its own, for a sandboxed frame. */
  readonly htmlUrl: string;
}

/** `POST /api/staff/forms/:id/render-mail` */
export interface MailResult {
  readonly issues: readonly StudioIssue[];
  readonly mail: RenderedMail | null;
}

/** `POST /api/staff/forms/:id/versions` (201) */
export interface PublishResult {
  readonly formId: string;
  readonly version: number;
  readonly hash: string;
  readonly publishedAt: string;
  readonly publishedBy: string;
}
