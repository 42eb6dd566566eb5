import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** How many of upper case, lower case, digits and symbols a password uses. */
function classesIn(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
}

/** Client-side checks that mirror the server's; the server's answer still decides. */
export function rulesFor(t: TFunction) {
  return {
    required: { required: true, message: t('validation.required') } satisfies Rule,
    email: { type: 'email', message: t('validation.email') } satisfies Rule,
    phone: {
      validator: (_: unknown, value: string | undefined) =>
        !value || /^\+?[1-9]\d{6,14}$/.test(value.replace(/[\s-]/g, ''))
          ? Promise.resolve()
          : Promise.reject(new Error(t('validation.phone'))),
    } satisfies Rule,
    password: {
      validator: (_: unknown, value: string | undefined) =>
        !value || (value.length >= 8 && value.length <= 128 && classesIn(value) >= 3)
          ? Promise.resolve()
          : Promise.reject(new Error(t('validation.password'))),
    } satisfies Rule,
    code: { pattern: /^\d{6}$/, message: t('validation.code') } satisfies Rule,
    max: (max: number): Rule => ({ max, message: t('validation.max', { max }) }),
    /** The field must equal another field's value. */
    sameAs:
      (other: string): Rule =>
      ({ getFieldValue }) => ({
        validator: (_, value) =>
          !value || value === getFieldValue(other)
            ? Promise.resolve()
            : Promise.reject(new Error(t('validation.passwordMismatch'))),
      }),
  };
}
