import { html } from 'htm/preact';
export function UploadPage() { return html`<main class="page"><h1>Upload</h1></main>`; }
