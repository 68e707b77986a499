// Comment threads of a video: read them, post, reply, delete one's own.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api, useCurrentUser, isStaff } from '../api.js';
import { ErrorBox, Loading, formatDate, plural, useLoad, channelHandle } from './common.js';

function CommentForm({ onSubmit, label = 'Add a comment', id, autofocus, onCancel }) {
  const [text, setText] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  return html`<form onSubmit=${submit} class="comment-form">
    <${ErrorBox} error=${error} />
    <div class="form-row"><label for=${id}>${label}</label>
      <textarea id=${id} required maxlength="10000" value=${text} autofocus=${autofocus}
        onInput=${(e) => setText(e.target.value)}></textarea></div>
    <div class="row">
      <button class="btn btn-primary" type="submit" disabled=${busy || !text.trim()}>${busy ? 'Sending…' : 'Comment'}</button>
      ${onCancel && html`<button class="btn" type="button" onClick=${onCancel}>Cancel</button>`}
    </div>
  </form>`;
}

function Comment({ videoId, node, onChanged, canReply }) {
  const user = useCurrentUser();
  const c = node.comment;
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState(null);
  const mine = user && c.account && c.account.name === user.username && (!c.account.host || c.account.host === location.host);
  const remove = async () => {
    if (!confirm('Delete this comment?')) return;
    try {
      await api('DELETE', `/api/v1/videos/${videoId}/comments/${c.id}`);
      onChanged();
    } catch (err) { setError(err); }
  };
  const reply = async (text) => {
    await api('POST', `/api/v1/videos/${videoId}/comments/${c.id}`, { json: { text } });
    setReplying(false);
    onChanged();
  };
  return html`<article class="comment" data-testid="comment" aria-label=${`Comment by ${c.account?.displayName || c.account?.name || 'someone'}`}>
    <div class="comment-head">
      ${c.isDeleted ? html`<span class="muted">Deleted comment</span>` : html`
        <a href=${`/a/${channelHandle(c.account)}`}><strong>${c.account?.displayName || c.account?.name}</strong></a>
        <span class="muted"> · ${formatDate(c.createdAt)}</span>`}
    </div>
    ${!c.isDeleted && html`<div class="comment-text">${c.text}</div>`}
    <${ErrorBox} error=${error} />
    ${!c.isDeleted && user && html`<div class="row">
      ${canReply && html`<button class="btn" onClick=${() => setReplying(!replying)}>Reply</button>`}
      ${(mine || isStaff(user)) && html`<button class="btn btn-danger" onClick=${remove}>Delete</button>`}
    </div>`}
    ${replying && html`<${CommentForm} id=${`reply-${c.id}`} label="Your reply" autofocus onSubmit=${reply}
      onCancel=${() => setReplying(false)} />`}
    ${node.children && node.children.length > 0 && html`<div class="replies">
      ${node.children.map((child) => html`<${Comment} key=${child.comment.id} videoId=${videoId} node=${child}
        onChanged=${onChanged} canReply=${canReply} />`)}
    </div>`}
  </article>`;
}

/** A thread: the root comment, with its replies loaded on demand. */
function Thread({ videoId, root, onChanged, canReply }) {
  const [open, setOpen] = useState(false);
  const tree = useLoad(() => (open ? api('GET', `/api/v1/videos/${videoId}/comment-threads/${root.id}`) : null),
    [open, root.id, root.totalReplies]);
  const reload = () => { tree.reload(); onChanged(); };
  const node = open && tree.data ? tree.data : { comment: root, children: [] };
  return html`<div>
    <${Comment} videoId=${videoId} node=${node} onChanged=${reload} canReply=${canReply} />
    ${root.totalReplies > 0 && !open && html`<button class="btn" onClick=${() => setOpen(true)}>
      Show ${plural(root.totalReplies, 'reply', 'replies')}</button>`}
    ${open && tree.error && html`<${ErrorBox} error=${tree.error} />`}
  </div>`;
}

export function Comments({ video }) {
  const user = useCurrentUser();
  const threads = useLoad(() => api('GET', `/api/v1/videos/${video.uuid}/comment-threads`,
    { query: { start: 0, count: 100, sort: '-createdAt' } }), [video.uuid]);
  const post = async (text) => {
    await api('POST', `/api/v1/videos/${video.uuid}/comment-threads`, { json: { text } });
    threads.reload();
  };
  const enabled = video.commentsEnabled !== false && video.commentsPolicy?.id !== 2;
  return html`<section aria-labelledby="comments-title">
    <h2 id="comments-title">Comments ${threads.data ? html`<span class="muted">(${threads.data.total})</span>` : ''}</h2>
    ${!enabled ? html`<p class="muted">Comments are disabled for this video.</p>`
      : user ? html`<${CommentForm} id="new-comment" onSubmit=${post} />`
      : html`<p><a href=${`/login?redirect=${encodeURIComponent(location.pathname)}`}>Log in</a> to comment.</p>`}
    ${threads.error && html`<${ErrorBox} error=${threads.error} />`}
    ${!threads.data && !threads.error && html`<${Loading} />`}
    ${threads.data && threads.data.data.map((t) => html`<${Thread} key=${t.id} videoId=${video.uuid} root=${t}
      onChanged=${threads.reload} canReply=${enabled} />`)}
  </section>`;
}
