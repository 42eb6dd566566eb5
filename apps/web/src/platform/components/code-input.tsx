import { Input, type InputProps } from 'antd';

/** A 6-digit verification code field: digits only, one-time-code autofill, wide spacing. */
export function CodeInput(props: InputProps & { 'data-testid'?: string }) {
  return (
    <Input
      {...props}
      className="pc-code-input"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      placeholder="000000"
      onChange={(e) => {
        e.target.value = e.target.value.replace(/\D/g, '');
        props.onChange?.(e);
      }}
    />
  );
}
