import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const env = { APP_SECRET: 'x'.repeat(40), INGEST_TOKEN: 'y'.repeat(30) };

describe('config', () => {
  it('builds the public address from HOST and PORT when PUBLIC_URL is unset', () => {
    expect(loadConfig({ ...env }, []).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ ...env, PORT: '3100' }, []).publicUrl).toBe('http://localhost:3100');
    expect(loadConfig({ ...env, PORT: '3100', HOST: '0.0.0.0' }, []).publicUrl).toBe('http://localhost:3100');
    expect(loadConfig({ ...env, PORT: '8080', HOST: '10.0.0.5' }, []).publicUrl).toBe('http://10.0.0.5:8080');
    expect(loadConfig({ ...env, PORT: '8080', HOST: 'fd00::5' }, []).publicUrl).toBe('http://[fd00::5]:8080');
  });

  it('keeps PUBLIC_URL when it is set', () => {
    const config = loadConfig({ ...env, PORT: '3100', PUBLIC_URL: 'https://partners.example.com' }, []);
    expect(config.publicUrl).toBe('https://partners.example.com');
  });
});
