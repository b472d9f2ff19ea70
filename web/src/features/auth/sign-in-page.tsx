// Sign in, choose a password from a set-password link, and ask for a reset link.
import {
  Alert,
  Anchor,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../lib/api.ts';
import type { SsoRefusal } from '../../lib/api-types.ts';
import { useSignIn } from '../../lib/session.ts';

function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420} component="main">
        <Stack gap="md">
          <Text fw={800} size="xl" c="indigo.7">
            {t('common.appName')}
          </Text>
          <Title order={1} size="h3">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const sso = useQuery({
    queryKey: ['sso-status'],
    queryFn: () => api.get<{ enabled: boolean }>('/api/v1/sso/status'),
  });
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      { onSuccess: () => navigate(params.get('next')?.startsWith('/') ? params.get('next')! : '/') },
    );
  };
  return (
    <AuthCard title={t('auth.signIn.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {signIn.isError ? (
            <Alert color="red" role="alert">
              {t('auth.signIn.failed', { message: signIn.error.message })}
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.signIn.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
          <Anchor component={Link} to="/reset-password" size="sm">
            {t('auth.signIn.forgot')}
          </Anchor>
          {sso.data?.enabled ? (
            <>
              <Divider label={t('auth.signIn.or')} labelPosition="center" />
              {/* A full page load: the flow leaves the app for the identity provider. */}
              <Button
                component="a"
                href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
                variant="default"
                fullWidth
              >
                {t('auth.signIn.sso')}
              </Button>
            </>
          ) : null}
        </Stack>
      </form>
    </AuthCard>
  );
}

export function SetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [password, setPassword] = useState('');
  const set = useMutation({
    mutationFn: () => api.post<void>('/api/v1/password/set', { token, password }),
  });
  if (!token) {
    return (
      <AuthCard title={t('auth.setPassword.title')}>
        <Alert color="red">{t('auth.setPassword.missingToken')}</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('auth.setPassword.title')}>
      {set.isSuccess ? (
        <Stack>
          <Alert color="green">{t('auth.setPassword.done')}</Alert>
          <Anchor component={Link} to="/sign-in">
            {t('auth.signIn.submit')}
          </Anchor>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            set.mutate();
          }}
        >
          <Stack gap="sm">
            {set.isError ? (
              <Alert color="red" role="alert">
                {t('auth.setPassword.failed', { message: set.error.message })}
              </Alert>
            ) : null}
            <PasswordInput
              label={t('auth.setPassword.password')}
              description={t('auth.setPassword.hint')}
              autoComplete="new-password"
              required
              minLength={12}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={set.isPending} fullWidth>
              {t('auth.setPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const reset = useMutation({
    mutationFn: () => api.post<void>('/api/v1/password/reset-request', { email }),
  });
  return (
    <AuthCard title={t('auth.reset.title')}>
      {reset.isSuccess ? (
        <Alert color="green">{t('auth.reset.sent')}</Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate();
          }}
        >
          <Stack gap="sm">
            {reset.isError ? (
              <Alert color="red" role="alert">
                {t('common.state.error', { message: reset.error.message })}
              </Alert>
            ) : null}
            <TextInput
              label={t('auth.signIn.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={reset.isPending} fullWidth>
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.reset.back')}
      </Anchor>
    </AuthCard>
  );
}

/** The server's refusal reasons (a reason it adds and this page lacks fails the typecheck). */
const SSO_REASONS: Record<SsoRefusal, true> = {
  not_configured: true,
  unmapped_domain: true,
  deactivated: true,
  email_unverified: true,
  no_email: true,
  failed: true,
};

/** Where a refused single sign-on lands: the reason, in the reader's language. */
export function SsoRefusedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const given = params.get('reason') ?? '';
  const reason: SsoRefusal = Object.hasOwn(SSO_REASONS, given) ? (given as SsoRefusal) : 'failed';
  return (
    <AuthCard title={t('auth.ssoRefused.title')}>
      <Alert color="red" role="alert">
        {t(`auth.ssoRefused.reasons.${reason}`)}
      </Alert>
      <Anchor component={Link} to="/sign-in">
        {t('auth.ssoRefused.back')}
      </Anchor>
    </AuthCard>
  );
}
