import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, Invalid } from '../../errors.ts';
import { serviceContext, type AppDeps } from '../../http/context.ts';
import { IdParams } from '../../http/lists.ts';
import { ImportSettings, PreviewView, UploadQuery, UploadView } from './imports.schemas.ts';
import * as service from './imports.service.ts';

const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

export function importRoutes(app: FastifyInstance, { db }: AppDeps): void {
  // Files arrive as the raw request body, in this scope only, up to 50 MB.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_request, body, parsed) =>
      parsed(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['imports'];

    r.post('/api/imports', { schema: { tags, querystring: UploadQuery, response: { 201: UploadView } } }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw new Invalid('Send the file as the request body', { file: ['Empty file'] });
      const view = await service.uploadImport(db, serviceContext(request), request.query.officeId, request.query.fileName, request.body);
      return reply.code(201).send(view);
    });

    r.post(
      '/api/imports/:id/preview',
      { schema: { tags, params: IdParams, body: ImportSettings, response: { 200: PreviewView } } },
      (request) => service.previewImport(db, serviceContext(request), request.params.id, request.body),
    );

    // Streams one JSON line per step ({"progress": …}) and a last line {"result": …} or {"error": …}.
    r.post('/api/imports/:id/run', { schema: { tags, params: IdParams, body: ImportSettings } }, async (request, reply) => {
      const run = await service.startImport(db, serviceContext(request), request.params.id, request.body);
      const stream = new PassThrough();
      void reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(stream);
      run((progress) => stream.write(`${JSON.stringify({ progress })}\n`)).then(
        (result) => stream.end(`${JSON.stringify({ result })}\n`),
        (err: unknown) => {
          if (!(err instanceof AppError)) request.log.error({ err }, 'import failed');
          const error =
            err instanceof AppError
              ? { error: err.code, message: err.message, fields: err instanceof Invalid ? err.fields : undefined }
              : { error: 'internal', message: 'Internal error' };
          stream.end(`${JSON.stringify({ error: { ...error, requestId: String(request.id) } })}\n`);
        },
      );
      return reply;
    });
    done();
  });
}
