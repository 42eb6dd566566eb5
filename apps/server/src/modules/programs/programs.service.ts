import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { PROGRAMS, type ProgramText } from './programs.data.ts';

export interface ProgramView {
  code: string;
  name: string;
  summary: string;
  requirements: string[];
  benefits: string[];
}

function view(p: ProgramText, locale: Locale): ProgramView {
  return {
    code: p.code,
    name: p.name[locale],
    summary: p.summary[locale],
    requirements: p.requirements.map((r) => r[locale]),
    benefits: p.benefits.map((b) => b[locale]),
  };
}

export function listPrograms(locale: Locale): { items: ProgramView[] } {
  return { items: PROGRAMS.map((p) => view(p, locale)) };
}

export function getProgram(code: string, locale: Locale): ProgramView {
  const p = PROGRAMS.find((x) => x.code === code);
  if (!p) throw new AppError('common.not_found');
  return view(p, locale);
}
