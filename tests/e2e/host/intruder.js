// Runs on an origin that is not on the app's allow-list, framed next to the app by the portal,
// and posts a forged token into the app's frame. The app must ignore it.
const app = window.parent.frames[0]; // the portal's first iframe is the app
app.postMessage({ type: 'pc:token', token: 'forged-token', expires_at: '2099-01-01T00:00:00Z' }, '*');
app.postMessage({ type: 'pc:navigate', path: '/sales/customers' }, '*');
document.body.dataset.sent = 'yes';
