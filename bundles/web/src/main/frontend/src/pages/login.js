import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api, login, navigate } from '../api.js';
import { ErrorBox, Loading, useLoad } from './common.js';

function redirectTarget() {
  const r = new URLSearchParams(location.search).get('redirect');
  // only paths of this site, never another origin
  return r && r.startsWith('/') && !r.startsWith('//') ? r : '/';
}

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(redirectTarget());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return html`<main class="page"><form class="card form-narrow" onSubmit=${submit} aria-labelledby="login-title">
    <h1 id="login-title">Log in</h1>
    <${ErrorBox} error=${error} />
    <div class="form-row">
      <label for="login-username">User name or email</label>
      <input id="login-username" name="username" autocomplete="username" required value=${username}
        onInput=${(e) => setUsername(e.target.value)} />
    </div>
    <div class="form-row">
      <label for="login-password">Password</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required
        value=${password} onInput=${(e) => setPassword(e.target.value)} />
    </div>
    <div class="row">
      <button class="btn btn-primary" type="submit" disabled=${busy}>${busy ? 'Logging in…' : 'Log in'}</button>
      <span class="spacer"></span>
      <a href="/signup">Create an account</a>
    </div>
  </form></main>`;
}

export function SignupPage() {
  const config = useLoad(() => api('GET', '/api/v1/config'), []);
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '', terms: false });
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });

  if (config.error) return html`<main class="page"><${ErrorBox} error=${config.error} /></main>`;
  if (!config.data) return html`<main class="page"><${Loading} /></main>`;
  const signup = config.data.signup || {};
  if (!signup.allowed) {
    return html`<main class="page"><div class="card form-narrow"><h1>Sign up</h1>
      <p>This instance does not accept new accounts at the moment.</p><p><a href="/login">Log in</a></p></div></main>`;
  }
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { username: form.username.trim(), password: form.password, email: form.email.trim() };
      if (form.displayName.trim()) body.displayName = form.displayName.trim();
      await api('POST', '/api/v1/users/register', { json: body });
      if (signup.requiresApproval) {
        setDone('Your account is created. A moderator of this instance will approve it before you can log in.');
      } else if (signup.requiresEmailVerification) {
        setDone('Your account is created. Please verify your email address, then log in.');
      } else {
        await login(body.username, body.password);
        navigate('/');
        return;
      }
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  if (done) return html`<main class="page"><div class="card form-narrow"><h1>Sign up</h1>
    <p class="success" role="status">${done}</p><p><a href="/login">Log in</a></p></div></main>`;
  const min = config.data.user?.passwordMinLength || 6;
  return html`<main class="page"><form class="card form-narrow" onSubmit=${submit} aria-labelledby="signup-title">
    <h1 id="signup-title">Create an account</h1>
    ${signup.requiresApproval && html`<p class="muted">Moderators approve each new account.</p>`}
    <${ErrorBox} error=${error} />
    <div class="form-row"><label for="su-username">User name</label>
      <input id="su-username" required pattern="[a-z0-9_.]{1,50}" autocomplete="username" value=${form.username}
        onInput=${set('username')} aria-describedby="su-username-hint" />
      <span class="hint" id="su-username-hint">Lowercase letters, digits, dots and underscores.</span></div>
    <div class="form-row"><label for="su-display">Display name (optional)</label>
      <input id="su-display" value=${form.displayName} onInput=${set('displayName')} /></div>
    <div class="form-row"><label for="su-email">Email</label>
      <input id="su-email" type="email" required autocomplete="email" value=${form.email} onInput=${set('email')} /></div>
    <div class="form-row"><label for="su-password">Password</label>
      <input id="su-password" type="password" required minlength=${min} autocomplete="new-password"
        value=${form.password} onInput=${set('password')} /></div>
    <div class="form-row"><label><input type="checkbox" required checked=${form.terms} onChange=${set('terms')} />
      ${' '}I accept the terms of this instance</label></div>
    <button class="btn btn-primary" type="submit" disabled=${busy}>Sign up</button>
  </form></main>`;
}
