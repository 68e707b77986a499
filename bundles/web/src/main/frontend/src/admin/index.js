// The admin pages, picked up by the router and menu of the web interface. `role` is the lowest role (0 admin,
// 1 moderator) a page is for; each page also checks it itself and shows the API's 403 when it answers so.
import './admin.css';
import AdminHome, { SECTIONS } from './home.js';
import Dashboard from './dashboard.js';
import Users from './users.js';
import Plugins from './plugins.js';
import Moderation from './moderation.js';
import Abuses from './abuses.js';
import Blocklists from './blocklists.js';
import Follows from './follows.js';
import Jobs from './jobs.js';

const components = {
  '/admin/dashboard': Dashboard, '/admin/users': Users, '/admin/plugins': Plugins, '/admin/moderation': Moderation,
  '/admin/abuses': Abuses, '/admin/blocklists': Blocklists, '/admin/follows': Follows, '/admin/jobs': Jobs,
};

export const adminRoutes = [
  { path: '/admin', component: AdminHome, title: 'Administration', role: 1 },
  ...SECTIONS.map((s) => ({ path: s.path, component: components[s.path], title: s.title, role: s.role })),
];
