// Plugins: what is installed (with the health of each contribution), install / update / uninstall, and a settings
// form rendered from the plugin's metatype (GET registered-settings), loaded from and saved to its settings.
import { html } from 'htm/preact';
import { useState, useEffect } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { ADMIN, gated, useApi, useAction, ErrorBox, Status, ListState, confirmed, formatDate, useQueryParam }
  from './common.js';

const path = (name, rest = '') => `/api/v1/plugins/${encodeURIComponent(name)}${rest}`;

function PluginsPage() {
  const [showUninstalled, setShowUninstalled] = useState(false);
  const list = useApi('/api/v1/plugins', { count: 100, sort: 'name', uninstalled: showUninstalled ? 'true' : '' });
  const [settingsOf, setSettingsOf] = useQueryParam('settings', null);
  const [run, status] = useAction();

  const uninstall = (p) => confirmed(`Uninstall the plugin ${p.name}? Its settings are kept.`)
    && run(() => api('POST', '/api/v1/plugins/uninstall', { json: { npmName: p.name } }), `${p.name} uninstalled`)
      .then(() => { if (settingsOf === p.name) setSettingsOf(null); list.reload(); });

  return html`<div class="page admin-page">
    <h1>Plugins</h1>
    <div class="grid admin-plugin-install">
      <${UploadForm} onDone=${list.reload} />
      <${SourceForm} onDone=${list.reload} />
    </div>
    <${Status} status=${status} />
    <div class="card">
      <label class="admin-inline"><input type="checkbox" checked=${showUninstalled}
        onChange=${(e) => setShowUninstalled(e.currentTarget.checked)} /> only uninstalled plugins</label>
      <${ListState} result=${list} empty="No plugins.">
        <table class="table admin-plugins">
          <thead><tr><th>Plugin</th><th>Version</th><th>State</th><th>Source</th><th>Contributions</th><th></th></tr></thead>
          <tbody>${list.data && list.data.data.map((p) => html`<tr key=${p.name} data-plugin=${p.name}>
            <td><strong>${p.name}</strong>${p.description ? html`<div class="muted">${p.description}</div>` : ''}</td>
            <td>${p.version}</td>
            <td><span class=${'admin-badge admin-state-' + String(p.uninstalled ? 'uninstalled' : p.state).toLowerCase()}
              >${p.uninstalled ? 'UNINSTALLED' : p.state}</span></td>
            <td class="admin-source-cell" title=${p.source || ''}>${p.managed ? shortSource(p.source)
              : html`<span class="muted">core / deploy folder</span>`}<div class="muted">${formatDate(p.updatedAt)}</div></td>
            <td><${Contributions} items=${p.contributions || []} /></td>
            <td class="admin-actions">
              ${!p.uninstalled && p.settingPids && p.settingPids.length > 0 && html`<button class="btn"
                onClick=${() => setSettingsOf(p.name)}>Settings</button>`}
              ${p.managed && !p.uninstalled && html`<button class="btn btn-danger"
                onClick=${() => uninstall(p)}>Uninstall</button>`}
            </td></tr>`)}</tbody>
        </table>
      <//>
    </div>
    ${settingsOf && html`<${SettingsForm} key=${settingsOf} name=${settingsOf} onClose=${() => setSettingsOf(null)} />`}
  </div>`;
}

/** A jar's file name rather than its whole server path (the full source is the cell's title). */
function shortSource(source) {
  if (!source) return 'managed';
  return source.startsWith('/') ? source.slice(source.lastIndexOf('/') + 1) : source;
}

function Contributions({ items }) {
  if (!items.length) return html`<span class="muted">none</span>`;
  return html`<ul class="admin-contributions">${items.map((c) => html`<li>
    ${c.name} <span class="muted">${c.extensionPoint}, ranking ${c.ranking}</span>
    <span class=${'admin-badge admin-state-' + c.state.toLowerCase()}>${c.state}</span>
    ${c.failures > 0 && html`<span class="error"> ${c.failures} failure(s)${c.lastFailure ? ': ' + c.lastFailure : ''}</span>`}
  </li>`)}</ul>`;
}

function UploadForm({ onDone }) {
  const [run, status] = useAction();
  const [progress, setProgress] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const file = formEl.elements.pluginfile.files[0];
    if (!file) return;
    const form = new FormData();
    form.set('pluginfile', file, file.name);
    if (formEl.elements.update.checked) form.set('update', 'true');
    const plugin = await run(() => api('POST', '/api/v1/plugins/upload', {
      form, onUploadProgress: (loaded, total) => setProgress(total ? loaded / total : null) }));
    setProgress(null);
    if (plugin) { formEl.reset(); onDone(); }
  };
  return html`<form class="card admin-upload" onSubmit=${submit}>
    <h2>Install from a jar</h2>
    <div class="form-row"><label for="admin-pluginfile">Plugin jar</label>
      <input id="admin-pluginfile" type="file" name="pluginfile" accept=".jar,application/java-archive" required /></div>
    <div class="form-row"><label class="admin-inline"><input type="checkbox" name="update" />
      update the installed plugin of the same name</label></div>
    <button class="btn btn-primary" type="submit" disabled=${status.busy}>Upload and install</button>
    ${progress !== null && html`<progress max="1" value=${progress}></progress>`}
    <${Status} status=${{ ...status, note: status.busy ? 'Installing...' : null }} />
  </form>`;
}

/** Maven coordinates, mvn: URL, feature:name, or an absolute path of a jar on the server. */
function SourceForm({ onDone }) {
  const [run, status] = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const source = formEl.elements.source.value.trim();
    const version = formEl.elements.version.value.trim();
    const update = formEl.elements.update.checked;
    const json = source.startsWith('/') ? { path: source } : { npmName: source };
    if (version && !json.path) json.pluginVersion = version;
    const plugin = await run(() => api('POST', `/api/v1/plugins/${update ? 'update' : 'install'}`, { json }));
    if (plugin) { formEl.reset(); onDone(); }
  };
  return html`<form class="card admin-source" onSubmit=${submit}>
    <h2>Install from coordinates or a path</h2>
    <div class="form-row"><label for="admin-source">Source</label>
      <input id="admin-source" name="source" required
        placeholder="org.example:plugin:1.0.0, feature:name or /abs/path/plugin.jar" /></div>
    <div class="form-row"><label for="admin-version">Version (optional)</label>
      <input id="admin-version" name="version" placeholder="1.0.0" /></div>
    <div class="form-row"><label class="admin-inline"><input type="checkbox" name="update" />
      update the installed plugin instead</label></div>
    <button class="btn btn-primary" type="submit" disabled=${status.busy}>Install</button>
    <${Status} status=${{ ...status, note: status.busy ? 'Installing...' : null }} />
  </form>`;
}

const NUMERIC = new Set(['INTEGER', 'LONG', 'SHORT', 'BYTE', 'DOUBLE', 'FLOAT']);

/** Form fields from the metatype; values travel as the user typed them and the server validates them. */
function SettingsForm({ name, onClose }) {
  const [schema, setSchema] = useState(null);
  const [values, setValues] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [run, status] = useAction();
  useEffect(() => {
    Promise.all([api('GET', path(name, '/registered-settings')), api('GET', path(name, '/settings'))])
      .then(([registered, current]) => {
        setSchema(registered.registeredSettings || []);
        setValues(current.settings || {});
      })
      .catch(setLoadError);
  }, [name]);

  const fieldErrors = {};
  const params = status.error instanceof ApiError && status.error.body && status.error.body['invalid-params'];
  if (params) {
    for (const [key, p] of Object.entries(params)) fieldErrors[key.replace(/^settings\./, '')] = p.msg || String(p);
  }
  const set = (key, value) => setValues((v) => ({ ...v, [key]: value }));
  const save = (e) => {
    e.preventDefault();
    const settings = {};
    for (const s of schema) {
      let v = values[s.name];
      if (s.multiple) v = Array.isArray(v) ? v : String(v ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
      else if (v === '' && !s.required) v = null;
      settings[s.name] = v;
    }
    run(() => api('PUT', path(name, '/settings'), { json: { settings } }), 'Settings saved');
  };

  return html`<form class="card admin-settings" onSubmit=${save} data-settings-of=${name}>
    <h2>Settings of ${name}</h2>
    ${loadError && html`<${ErrorBox} error=${loadError} />`}
    ${!loadError && !schema && html`<p class="muted">Loading...</p>`}
    ${schema && schema.length === 0 && html`<p class="muted">This plugin has no settings.</p>`}
    ${schema && values && schema.map((s) => html`<div class="form-row" key=${s.name}>
      <${Field} setting=${s} value=${values[s.name]} onInput=${(v) => set(s.name, v)} />
      ${s.descriptionHTML && html`<div class="muted" dangerouslySetInnerHTML=${{ __html: s.descriptionHTML }}></div>`}
      ${fieldErrors[s.name] && html`<div class="error admin-field-error">${fieldErrors[s.name]}</div>`}
    </div>`)}
    <${Status} status=${status} hideParams=${Object.keys(fieldErrors).length > 0} />
    <div class="admin-actions">
      ${schema && schema.length > 0 && html`<button class="btn btn-primary" type="submit" disabled=${status.busy}>Save</button>`}
      <button class="btn" type="button" onClick=${onClose}>Close</button>
    </div>
  </form>`;
}

function Field({ setting: s, value, onInput }) {
  const id = `setting-${s.name}`;
  const label = html`<label for=${id}>${s.label || s.name}${s.required ? ' *' : ''}</label>`;
  if (s.type === 'input-checkbox') {
    return html`<label class="admin-inline" for=${id}><input id=${id} name=${s.name} type="checkbox"
      checked=${value === true || value === 'true'} onChange=${(e) => onInput(e.currentTarget.checked)} />
      ${s.label || s.name}</label>`;
  }
  if (s.type === 'select' && !s.multiple) {
    return html`${label}<select id=${id} name=${s.name} value=${value ?? ''}
      onChange=${(e) => onInput(e.currentTarget.value)}>
      ${!s.required && html`<option value="">(default)</option>`}
      ${s.options.map((o) => html`<option value=${o.value}>${o.label}</option>`)}</select>`;
  }
  if (s.multiple) {
    const text = Array.isArray(value) ? value.join('\n') : (value ?? '');
    return html`${label}<textarea id=${id} name=${s.name} rows="4" value=${text}
      placeholder=${s.options ? 'one of: ' + s.options.map((o) => o.value).join(', ') : 'one value per line'}
      onInput=${(e) => onInput(e.currentTarget.value)}></textarea>`;
  }
  // numbers stay text inputs so that a bad value reaches the server, whose 400 names it
  const type = s.type === 'input-password' ? 'password' : 'text';
  return html`${label}<input id=${id} name=${s.name} type=${type} value=${value ?? ''}
    inputmode=${NUMERIC.has(s.valueType) ? 'decimal' : undefined}
    placeholder=${s.default !== null && s.default !== undefined ? String(s.default) : ''}
    onInput=${(e) => onInput(e.currentTarget.value)} />`;
}

export default gated(ADMIN, PluginsPage);
