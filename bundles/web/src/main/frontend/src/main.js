import { html } from 'htm/preact';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import './styles.css';
import { navigate, useCurrentUser, logout, isStaff } from './api.js';
import { Router, useLocation, matchRoute } from './router.js';

function Header({ onMenu }) {
  const user = useCurrentUser();
  const params = new URLSearchParams(location.search);
  const [q, setQ] = useState(location.pathname === '/search' ? params.get('search') || '' : '');
  const submit = (e) => {
    e.preventDefault();
    navigate(`/search?search=${encodeURIComponent(q.trim())}`);
  };
  return html`<header class="header">
    <a class="skip" href="#main">Skip to content</a>
    <button class="btn menu-toggle" aria-label="Menu" onClick=${onMenu}>☰</button>
    <a class="logo" href="/"><span>▶</span> Vidiverse</a>
    <form class="search" role="search" onSubmit=${submit}>
      <input type="search" name="search" aria-label="Search videos" placeholder="Search videos"
        value=${q} onInput=${(e) => setQ(e.target.value)} />
      <button class="btn" type="submit">Search</button>
    </form>
    <div class="header-actions">
      ${user ? html`
        <a class="btn btn-primary" href="/videos/upload" data-testid="upload-button">⬆ <span class="label">Upload</span></a>
        <a class="btn" href="/my-account/settings" title="My account">${user.account?.displayName || user.username}</a>
        <button class="btn" onClick=${() => { logout(); navigate('/'); }}>Log out</button>` : html`
        <a class="btn btn-primary" href="/login">Log in</a>
        <a class="btn" href="/signup">Sign up</a>`}
    </div>
  </header>`;
}

function SideMenu({ pathname, open }) {
  const user = useCurrentUser();
  const link = (href, label) => html`<a href=${href} aria-current=${pathname === href ? 'page' : undefined}>${label}</a>`;
  return html`<nav class=${'sidemenu' + (open ? ' open' : '')} aria-label="Main menu">
    <h2>Videos</h2>
    ${link('/', 'Home')}
    ${link('/videos/recently-added', 'Recently added')}
    ${link('/videos/trending', 'Trending')}
    ${user && html`<h2>My library</h2>
      ${link('/my-library/videos', 'My videos')}
      ${link('/my-library/subscriptions', 'Subscriptions')}
      ${link('/my-library/history/videos', 'History')}
      ${link('/videos/upload', 'Upload')}
      <h2>My account</h2>
      ${link('/my-account/settings', 'Settings')}
      ${link(`/a/${user.username}`, 'My account page')}`}
    ${isStaff(user) && html`<h2>Instance</h2>${link('/admin', 'Administration')}`}
  </nav>`;
}

function App() {
  const loc = useLocation();
  const pathname = loc.split('?')[0];
  const [menu, setMenu] = useState(false);
  const found = matchRoute(pathname);
  if (found && found.route.bare) return html`<${Router} pathname=${pathname} />`;
  return html`
    <${Header} onMenu=${() => setMenu(!menu)} />
    <div class="layout" onClick=${(e) => { if (menu && e.target.closest('a')) setMenu(false); }}>
      <${SideMenu} pathname=${pathname} open=${menu} />
      <div class="content" id="main"><${Router} pathname=${pathname} /></div>
    </div>`;
}

// Same-origin links to pages of the application navigate without reloading; others behave normally.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  if (!matchRoute(a.pathname)) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
});

render(html`<${App} />`, document.getElementById('app'));
