//! Serves the built single-page app on its own port: files from the app directory, every
//! other GET path falls back to index.html (deep links), and `/config.json` is rewritten so
//! the app calls this sandbox directly (across origins, hence the CORS allow list).

use crate::request_id;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::from_fn;
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{Map, Value};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

struct Site {
    dir: PathBuf,
    api_url: String,
}

pub fn router(dir: PathBuf, api_url: String) -> Router {
    Router::new().fallback(serve).with_state(Arc::new(Site { dir, api_url })).layer(from_fn(request_id::layer))
}

/// The file a URL path names inside `dir`, if it is a plain relative path to a file.
fn file_for(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.as_os_str().is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(dir.join(rel)).filter(|p| p.is_file())
}

fn no_cache(mut resp: Response) -> Response {
    resp.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}

async fn serve(State(site): State<Arc<Site>>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    if path == "/config.json" {
        return no_cache(config(&site).await);
    }
    match file_for(&site.dir, &path) {
        Some(file) if file.file_name().is_some_and(|n| n != "index.html") => {
            ServeDir::new(&site.dir).oneshot(req).await.into_response()
        }
        _ => {
            let index = site.dir.join("index.html");
            if !index.is_file() {
                return (StatusCode::NOT_FOUND, "index.html not found in the app directory").into_response();
            }
            no_cache(ServeFile::new(index).oneshot(req).await.into_response())
        }
    }
}

/// The app's config.json with both base URLs pointing at this sandbox.
async fn config(site: &Site) -> Response {
    let text = tokio::fs::read_to_string(site.dir.join("config.json")).await.unwrap_or_default();
    let mut obj = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(o)) => o,
        _ => Map::new(),
    };
    obj.insert("api_base_url".into(), Value::String(site.api_url.clone()));
    obj.insert("iam_base_url".into(), Value::String(site.api_url.clone()));
    let body = serde_json::to_string_pretty(&Value::Object(obj)).unwrap_or_default();
    ([(CONTENT_TYPE, "application/json")], body).into_response()
}
