import { html } from 'htm/preact';
export function MyVideosPage() { return html`<main class="page"><h1>My videos</h1></main>`; }
export function SubscriptionsPage() { return html`<main class="page"><h1>Subscriptions</h1></main>`; }
export function HistoryPage() { return html`<main class="page"><h1>History</h1></main>`; }
export function SettingsPage() { return html`<main class="page"><h1>Settings</h1></main>`; }
