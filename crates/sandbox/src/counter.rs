//! Counts the requests the API port receives (CORS preflights included, control endpoints
//! not), so benchmarks and tests can check on the server side how many calls a client made —
//! including any a browser resent by itself, which the page never sees.

use crate::faults::CONTROL_PREFIX;
use crate::store::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use axum::Json;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Mutex;

#[derive(Default)]
pub struct RequestCounter {
    by_route: Mutex<BTreeMap<String, u64>>,
}

impl RequestCounter {
    pub fn count(&self, method: &str, path: &str) {
        if path.starts_with(CONTROL_PREFIX) {
            return;
        }
        *self.by_route.lock().expect("counter lock").entry(format!("{method} {path}")).or_default() += 1;
    }

    /// `{"total": N, "by_route": {"POST /v2/...": n, ...}}`.
    pub fn snapshot(&self) -> Value {
        let map = self.by_route.lock().expect("counter lock");
        json!({"total": map.values().sum::<u64>(), "by_route": *map})
    }

    pub fn reset(&self) {
        self.by_route.lock().expect("counter lock").clear();
    }
}

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    state.requests.count(req.method().as_str(), req.uri().path());
    next.run(req).await
}

/// `GET /__sandbox/requests`.
pub async fn get(State(state): State<AppState>) -> Json<Value> {
    Json(state.requests.snapshot())
}

/// `DELETE /__sandbox/requests`: starts counting from zero.
pub async fn reset(State(state): State<AppState>) -> Json<Value> {
    state.requests.reset();
    Json(state.requests.snapshot())
}
