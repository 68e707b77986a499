// The pages of the application, at PeerTube's URLs. The server answers index.html for each of these paths
// (bundles/web WebAppServlet), so every one can be opened directly or reloaded.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { adminRoutes } from './admin/index.js';
import { useCurrentUser, isStaff } from './api.js';
import { VideoList, SearchPage } from './pages/browse.js';
import { WatchPage } from './pages/watch.js';
import { EmbedPage } from './pages/embed.js';
import { AccountPage, ChannelPage } from './pages/actors.js';
import { LoginPage, SignupPage } from './pages/login.js';
import { UploadPage } from './pages/upload.js';
import { MyVideosPage, SubscriptionsPage, HistoryPage, SettingsPage } from './pages/library.js';
import { NotFound } from './pages/common.js';

const Recent = () => html`<${VideoList} title="Recently added" sort="-publishedAt" />`;
const Trending = () => html`<${VideoList} title="Trending" sort="-trending" />`;

/** `{ path, component, title, bare?, staff? }`: `:name` matches one segment, a final `*` the rest. */
export const routes = [
  { path: '/', component: Recent, title: 'Home' },
  { path: '/videos/recently-added', component: Recent, title: 'Recently added' },
  { path: '/videos/trending', component: Trending, title: 'Trending' },
  { path: '/search', component: SearchPage, title: 'Search' },
  { path: '/w/:id', component: WatchPage, title: 'Watch' },
  { path: '/videos/watch/:id', component: WatchPage, title: 'Watch' },
  { path: '/videos/embed/:id', component: EmbedPage, title: 'Embed', bare: true },
  { path: '/a/:name', component: AccountPage, title: 'Account' },
  { path: '/a/:name/*', component: AccountPage, title: 'Account' },
  { path: '/c/:name', component: ChannelPage, title: 'Channel' },
  { path: '/c/:name/*', component: ChannelPage, title: 'Channel' },
  { path: '/login', component: LoginPage, title: 'Log in' },
  { path: '/signup', component: SignupPage, title: 'Sign up' },
  { path: '/videos/upload', component: UploadPage, title: 'Upload' },
  { path: '/my-library', component: MyVideosPage, title: 'My videos' },
  { path: '/my-library/videos', component: MyVideosPage, title: 'My videos' },
  { path: '/my-library/subscriptions', component: SubscriptionsPage, title: 'Subscriptions' },
  { path: '/my-library/history/videos', component: HistoryPage, title: 'History' },
  { path: '/my-library/history', component: HistoryPage, title: 'History' },
  { path: '/my-account', component: SettingsPage, title: 'Settings' },
  { path: '/my-account/settings', component: SettingsPage, title: 'Settings' },
  ...adminRoutes.map((r) => ({ ...r, staff: true })),
];

function compile(path) {
  const parts = path.split('/').filter(Boolean);
  return (pathname) => {
    const segs = pathname.split('/').filter(Boolean);
    const params = {};
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] === '*') { params.rest = segs.slice(i).join('/'); return segs.length > i ? params : null; }
      if (i >= segs.length) return null;
      if (parts[i].startsWith(':')) params[parts[i].slice(1)] = decodeURIComponent(segs[i]);
      else if (parts[i] !== segs[i]) return null;
    }
    return segs.length === parts.length ? params : null;
  };
}

const compiled = routes.map((r) => ({ ...r, match: compile(r.path) }));

/** The route of a path with its parameters, or null. */
export function matchRoute(pathname) {
  for (const r of compiled) {
    const params = r.match(pathname);
    if (params) return { route: r, params };
  }
  return null;
}

/** Re-renders on every navigation (links, back and forward). */
export function useLocation() {
  const [loc, setLoc] = useState(location.pathname + location.search);
  useEffect(() => {
    const on = () => setLoc(location.pathname + location.search);
    addEventListener('popstate', on);
    addEventListener('vid:navigate', on);
    return () => { removeEventListener('popstate', on); removeEventListener('vid:navigate', on); };
  }, []);
  return loc;
}

export function Router({ pathname }) {
  const user = useCurrentUser();
  const found = matchRoute(pathname);
  useEffect(() => {
    document.title = found ? `${found.route.title} - Vidiverse` : 'Not found - Vidiverse';
  }, [pathname]);
  if (!found) return html`<${NotFound} />`;
  if (found.route.staff && !isStaff(user)) {
    return html`<main class="page"><h1>Administration</h1>
      <p class="error" role="alert">This page is for administrators and moderators. Please log in with such an account.</p></main>`;
  }
  const Page = found.route.component;
  return html`<${Page} key=${pathname} ...${found.params} />`;
}
