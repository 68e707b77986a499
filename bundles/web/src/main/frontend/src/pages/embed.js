import { html } from 'htm/preact';
export function EmbedPage() { return html`<div class="embed"></div>`; }
