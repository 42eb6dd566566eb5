import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiRequestError } from '../api/client.ts';

/** An error the page shows in an Alert, with the request id support staff ask for. */
export interface ShownError {
  message: string;
  requestId?: string;
  code: string;
}

export function toShownError(err: unknown, fallback: string): ShownError {
  if (err instanceof ApiRequestError)
    return { message: err.message, requestId: err.requestId, code: err.code };
  return { message: fallback, code: 'unknown' };
}

/**
 * Puts a server error next to the field it is about (named by `details.field`, or by the error code via
 * `codeFields`), else into an Alert the form shows.
 */
export function useFormError(form: FormInstance, codeFields: Record<string, string> = {}) {
  const [error, setError] = useState<ShownError | null>(null);
  const onError = (err: unknown, fallback: string) => {
    if (err instanceof ApiRequestError) {
      const registered = Object.keys(form.getFieldsValue());
      const field = [err.field, codeFields[err.code]].find((f) => f && registered.includes(f));
      if (field) {
        setError(null);
        form.setFields([{ name: field, errors: [err.message] }]);
        return;
      }
    }
    setError(toShownError(err, fallback));
  };
  return { error, onError, clear: () => setError(null) };
}
