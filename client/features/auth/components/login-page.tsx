import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLogin } from '../api/use-login';
import { LoginForm } from './login-form';
import { LoginLayout } from './login-layout';

/** Only same-site paths: `?next=https://evil.example` must not become an open redirect. */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const next = safeNextPath(params.get('next'));

  return (
    <LoginLayout title={t('login.title')}>
      <p className="muted">{t('login.intro')}</p>
      <LoginForm
        pending={login.isPending}
        serverError={login.error ? errorMessage(login.error, t) : null}
        onSubmit={(values) =>
          login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) })
        }
      />
    </LoginLayout>
  );
}
