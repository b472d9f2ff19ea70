// The environment's validation, for the settings with a shape of their own.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('reads the webhook retry schedule in seconds, default none (the worker has its own)', () => {
    expect(loadConfig({}).webhookRetryDelaysMs).toBeUndefined();
    expect(loadConfig({ TIERWISE_WEBHOOK_RETRY_SECONDS: '1, 30,600' }).webhookRetryDelaysMs).toEqual([
      1_000, 30_000, 600_000,
    ]);
  });

  it.each(['', 'soon', '0', '5,,10', '-1'])('refuses the retry schedule %j', (value) => {
    expect(() => loadConfig({ TIERWISE_WEBHOOK_RETRY_SECONDS: value })).toThrow(ConfigError);
  });

  it('turns the metrics on only when asked, with an optional token of 16 characters or more', () => {
    expect(loadConfig({}).metrics).toEqual({ enabled: false, token: undefined });
    expect(
      loadConfig({ TIERWISE_METRICS: 'true', TIERWISE_METRICS_TOKEN: 'sixteen-chars-ok' }).metrics,
    ).toEqual({
      enabled: true,
      token: 'sixteen-chars-ok',
    });
    expect(() => loadConfig({ TIERWISE_METRICS_TOKEN: 'short' })).toThrow(
      /TIERWISE_METRICS_TOKEN: at least 16/,
    );
  });
});
