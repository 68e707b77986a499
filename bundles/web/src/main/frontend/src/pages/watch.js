import { html } from 'htm/preact';
export function WatchPage() { return html`<main class="page"><h1>Watch</h1></main>`; }
