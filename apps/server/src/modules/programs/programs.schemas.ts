import { z } from 'zod';

export const programSchema = z.object({
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  requirements: z.array(z.string()),
  benefits: z.array(z.string()),
});
export const programListSchema = z.object({ items: z.array(programSchema) });
export const programParams = z.strictObject({ code: z.string().max(64) });
