// Direct calls of the sandbox's partner API from a test (setup, and checking what the server
// holds), shared by the e2e files: one JSON request with a token; a non-2xx answer throws with
// its status and body; an empty body is null.

export async function apiCall(apiUrl, token, method, path, body) {
  const res = await fetch(new URL(path, apiUrl), {
    method,
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
