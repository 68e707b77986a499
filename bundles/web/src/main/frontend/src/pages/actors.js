import { html } from 'htm/preact';
export function AccountPage() { return html`<main class="page"><h1>Account</h1></main>`; }
export function ChannelPage() { return html`<main class="page"><h1>Channel</h1></main>`; }
