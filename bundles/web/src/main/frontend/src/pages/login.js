import { html } from 'htm/preact';
export function LoginPage() { return html`<main class="page"><h1>Log in</h1></main>`; }
export function SignupPage() { return html`<main class="page"><h1>Sign up</h1></main>`; }
