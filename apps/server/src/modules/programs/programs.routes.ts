import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProgram, listPrograms } from './programs.service.ts';

const program = z.object({
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  requirements: z.array(z.string()),
  benefits: z.array(z.string()),
});

/** R17: public program pages, in the request's language. */
export const programsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/programs',
    {
      schema: {
        tags: ['programs'],
        summary: 'Partner programs with joining requirements and benefits',
        response: { 200: z.object({ items: z.array(program) }) },
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
        params: z.strictObject({ code: z.string().max(64) }),
        response: { 200: program },
      },
    },
    async (req) => getProgram(req.params.code, req.locale),
  );
};
