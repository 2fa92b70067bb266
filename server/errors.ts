// Typed application errors. The HTTP layer maps them to status codes in one place
// (server/http/errors.ts); services throw them and never think about HTTP.

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Bad input: 400 with messages per field. */
export class Invalid extends AppError {
  readonly fields: FieldErrors;
  constructor(message: string, fields: FieldErrors = {}) {
    super(400, 'invalid', message);
    this.fields = fields;
  }
}

export class Unauthenticated extends AppError {
  constructor(message = 'Not logged in') {
    super(401, 'unauthenticated', message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'Not allowed') {
    super(403, 'forbidden', message);
  }
}

/** Also what another network's record looks like: it does not exist for you. */
export class NotFound extends AppError {
  constructor(what = 'Record') {
    super(404, 'not_found', `${what} not found`);
  }
}

/** A stale version or a duplicate; `current` lets the client show what changed. */
export class Conflict extends AppError {
  readonly current: unknown;
  constructor(message: string, current?: unknown) {
    super(409, 'conflict', message);
    this.current = current;
  }
}

export class TooManyRequests extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, 'too_many_requests', 'Too many attempts; try again later');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
