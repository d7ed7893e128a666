// The portal side of the embedding protocol (see src/embed.rs in Partner Center):
// it sends pc:token / pc:navigate, and listens for pc:ready, pc:height, pc:route and
// pc:session-expired — only from the app's own origin.
const params = new URLSearchParams(location.search);
const appUrl = new URL(params.get('app') || 'http://127.0.0.1:8080/');
const appOrigin = appUrl.origin;
const frame = document.getElementById('app');
const log = document.getElementById('log');

window.portalMessages = [];

appUrl.searchParams.set('embed', '1');
frame.src = appUrl.href;

function send(message) {
  frame.contentWindow.postMessage(message, appOrigin);
}

window.portal = {
  sendToken(token, expiresAt, extra = {}) {
    send({ type: 'pc:token', token, expires_at: expiresAt, ...extra });
  },
  navigate(path) {
    send({ type: 'pc:navigate', path });
  },
  showIntruder(url) {
    const intruder = document.getElementById('intruder');
    intruder.src = url;
  },
};

window.addEventListener('message', (event) => {
  if (event.origin !== appOrigin) return;
  const msg = event.data || {};
  window.portalMessages.push(msg);
  const item = document.createElement('li');
  item.textContent = msg.type === 'pc:height' ? `${msg.type} ${msg.height}` : `${msg.type} ${msg.path ?? ''}`;
  log.append(item);
  if (msg.type === 'pc:height') frame.style.height = `${msg.height}px`;
  if (msg.type === 'pc:session-expired') document.dispatchEvent(new CustomEvent('portal:renew-token'));
});

document.getElementById('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const locale = document.getElementById('locale').value;
  window.portal.sendToken(
    document.getElementById('token').value.trim(),
    document.getElementById('expires').value.trim(),
    locale ? { locale } : {},
  );
});

for (const button of document.querySelectorAll('nav button')) {
  button.addEventListener('click', () => window.portal.navigate(button.dataset.path));
}
