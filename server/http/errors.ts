import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, Conflict, Invalid, TooManyRequests, type FieldErrors } from '../errors.ts';

export interface ErrorBody {
  error: string;
  message: string;
  fields?: FieldErrors;
  current?: unknown;
  requestId: string;
}

/** The one place where errors become HTTP responses. Clients never see a stack trace. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const requestId = String(request.id);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldErrors = {};
      for (const issue of err.validation) {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
        (fields[path] ??= []).push(issue.message ?? 'invalid');
      }
      return reply.code(400).send({ error: 'invalid', message: 'The request has invalid fields', fields, requestId } satisfies ErrorBody);
    }
    if (err instanceof AppError) {
      const body: ErrorBody = { error: err.code, message: err.message, requestId };
      if (err instanceof Invalid) body.fields = err.fields;
      if (err instanceof Conflict && err.current !== undefined) body.current = err.current;
      if (err instanceof TooManyRequests) void reply.header('retry-after', String(err.retryAfterSeconds));
      return reply.code(err.status).send(body);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ error: 'internal', message: 'Internal error', requestId } satisfies ErrorBody);
    }
    // Fastify's own client errors: malformed JSON, body too large, wrong content type.
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: err.code ?? 'bad_request', message: err.message, requestId } satisfies ErrorBody);
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Internal error', requestId } satisfies ErrorBody);
  });
}
