//! Serves the built single-page app on its own port the way a plain static host would, so the
//! tests exercise a real deployment: files from the app directory under a sub-path (`/` or e.g.
//! `/partner-center/`), every other GET under it falls back to index.html (deep links), the
//! recommended headers (strict CSP, cache rules, nosniff, referrer policy) on every answer, and
//! `config.json` rewritten so the app calls this sandbox directly (across origins, hence CORS).

use crate::request_id;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::from_fn;
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{Map, Value};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::ServeFile;

pub struct Site {
    pub dir: PathBuf,
    pub api_url: String,
    /// "/" or "/sub/path/" (leading and trailing slash).
    pub base: String,
    /// Origins allowed to frame the app.
    pub frame_ancestors: Vec<String>,
    /// Keys set in config.json after the base URLs (`--app-config KEY=VALUE`).
    pub overrides: Vec<(String, Value)>,
}

pub fn router(site: Site) -> Router {
    Router::new().fallback(serve).with_state(Arc::new(site)).layer(from_fn(request_id::layer))
}

/// The strict Content-Security-Policy the app must work under (README, "Security headers").
pub fn content_security_policy(api_url: &str, frame_ancestors: &[String]) -> String {
    let ancestors = if frame_ancestors.is_empty() { "'none'".to_string() } else { frame_ancestors.join(" ") };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self' {api_url}; frame-ancestors {ancestors}; base-uri 'self'; form-action 'self'; object-src 'none'"
    )
}

/// The file a URL path (relative to the base) names inside `dir`, if it is a plain file.
fn file_for(dir: &Path, rel_path: &str) -> Option<PathBuf> {
    let rel = Path::new(rel_path);
    if rel.as_os_str().is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(dir.join(rel)).filter(|p| p.is_file())
}

/// Hashed assets never change; the entry points must be revalidated on every load.
fn cache_rule(file_name: &str) -> &'static str {
    match file_name {
        "index.html" | "config.json" | "version.json" => "no-cache",
        _ => "public, max-age=31536000, immutable",
    }
}

fn with_headers(mut resp: Response, site: &Site, cache: &'static str) -> Response {
    let h = resp.headers_mut();
    h.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(v) = HeaderValue::from_str(&content_security_policy(&site.api_url, &site.frame_ancestors)) {
        h.insert(HeaderName::from_static("content-security-policy"), v);
    }
    h.insert(HeaderName::from_static("x-content-type-options"), HeaderValue::from_static("nosniff"));
    h.insert(HeaderName::from_static("referrer-policy"), HeaderValue::from_static("no-referrer"));
    resp
}

async fn serve(State(site): State<Arc<Site>>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    // Outside the sub-path there is nothing, as on a real host (the base without its slash
    // counts as the base).
    let Some(rel) = path.strip_prefix(&site.base).or_else(|| (path == site.base.trim_end_matches('/')).then_some(""))
    else {
        return with_headers((StatusCode::NOT_FOUND, "not found").into_response(), &site, "no-cache");
    };
    if rel == "config.json" {
        return with_headers(config(&site).await, &site, "no-cache");
    }
    match file_for(&site.dir, rel) {
        Some(file) if file.file_name().is_some_and(|n| n != "index.html") => {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            let resp = ServeFile::new(&file).oneshot(req).await.into_response();
            with_headers(resp, &site, cache_rule(&name))
        }
        _ => {
            let index = site.dir.join("index.html");
            if !index.is_file() {
                return (StatusCode::NOT_FOUND, "index.html not found in the app directory").into_response();
            }
            if rel.is_empty() {
                return with_headers(ServeFile::new(index).oneshot(req).await.into_response(), &site, "no-cache");
            }
            // A deep link at any depth: the document's relative references are made absolute from
            // the base, so a path whose directory the build wrote no loader copy into still boots.
            let html = tokio::fs::read_to_string(&index).await.unwrap_or_default();
            let html = html.replace("=\"./", &format!("=\"{}", site.base));
            with_headers(([(CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(), &site, "no-cache")
        }
    }
}

/// The app's config.json with both base URLs pointing at this sandbox (and the embedding
/// portals allowed by `--frame-ancestor`, and any `--app-config` keys).
async fn config(site: &Site) -> Response {
    let text = tokio::fs::read_to_string(site.dir.join("config.json")).await.unwrap_or_default();
    let mut obj = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(o)) => o,
        _ => Map::new(),
    };
    obj.insert("api_base_url".into(), Value::String(site.api_url.clone()));
    obj.insert("iam_base_url".into(), Value::String(site.api_url.clone()));
    // The portals allowed to frame the app are also the ones it talks to when embedded.
    if !site.frame_ancestors.is_empty() {
        let origins = site.frame_ancestors.iter().cloned().map(Value::String).collect();
        obj.insert("embed_allowed_origins".into(), Value::Array(origins));
    }
    for (k, v) in &site.overrides {
        obj.insert(k.clone(), v.clone());
    }
    let body = serde_json::to_string_pretty(&Value::Object(obj)).unwrap_or_default();
    ([(CONTENT_TYPE, "application/json")], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_is_strict() {
        let csp = content_security_policy("http://127.0.0.1:1", &[]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(csp.contains("style-src 'self';"));
        assert!(csp.contains("connect-src 'self' http://127.0.0.1:1;"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        let csp = content_security_policy("x", &["http://portal:1".into()]);
        assert!(csp.contains("frame-ancestors http://portal:1;"));
    }

    #[test]
    fn cache_rules() {
        assert_eq!(cache_rule("index.html"), "no-cache");
        assert_eq!(cache_rule("version.json"), "no-cache");
        assert_eq!(cache_rule("partner-center-0123_bg.wasm"), "public, max-age=31536000, immutable");
    }
}
