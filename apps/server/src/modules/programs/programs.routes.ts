import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { programListSchema, programParams, programSchema } from './programs.schemas.ts';
import { getProgram, listPrograms } from './programs.service.ts';

/** R17: public program pages, in the request's language. */
export const programsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/programs',
    {
      schema: {
        tags: ['programs'],
        summary: 'Partner programs with joining requirements and benefits',
        response: { 200: programListSchema },
      },
    },
    async (req) => listPrograms(req.locale),
  );
  app.get(
    '/api/programs/:code',
    {
      schema: {
        tags: ['programs'],
        summary: 'One partner program',
        params: programParams,
        response: { 200: programSchema },
      },
    },
    async (req) => getProgram(req.params.code, req.locale),
  );
};
