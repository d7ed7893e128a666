//! Fault injection (off by default) and the `/__sandbox/` control endpoints, so tests and
//! demos can show how the app behaves on slow, failing, throttled or dropped calls.

use crate::auth::now;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::prng::Prng;
use crate::store::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::StreamExt;
use partner_api::auth::TOKEN_PATH;
use partner_api::validate::Violation;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::sync::Mutex;
use std::time::Duration;

pub const CONTROL_PREFIX: &str = "/__sandbox/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// 500 `CBC.0999`.
    ServerError,
    /// 429 `CBC.0250`.
    Throttle,
    /// The connection is cut without any response.
    Drop,
    /// The request is fully processed (coupons issued, records written), then the client
    /// gets 500 `CBC.0999`: an ambiguous outcome to reconcile through V3/V5. `fail_next` only.
    CommitThenFail,
    /// Like `commit_then_fail`, but after processing the status line, the headers and part of
    /// the body are sent and then the connection is cut: a browser has received a response and
    /// must surface the error (it never resends once headers arrived). `fail_next` only.
    CommitThenDrop,
    /// Processed, then the connection is closed before any byte of the answer. On a reused
    /// keep-alive connection a browser may *resend* the request by itself (Chromium does, even
    /// a POST), so the server processes it twice: the residual risk docs/issuance.md
    /// describes. `fail_next` only.
    CommitThenReset,
    /// Processed, then the real answer is sent only after `delay_ms` (default 30 s): longer
    /// than the client's timeout, so the client gives up with an ambiguous outcome.
    /// `fail_next` only.
    CommitThenDelay,
}

/// How long `commit_then_delay` holds the answer when `delay_ms` is not given.
pub const DEFAULT_COMMIT_DELAY_MS: u64 = 30_000;

fn one() -> u32 {
    1
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailNext {
    pub kind: FaultKind,
    #[serde(default = "one")]
    pub count: u32,
    /// Only requests whose path starts with this; absent means any BSS path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
    /// Only requests with this method (e.g. `POST`, so a V2 fault is not used up by the V3/V5
    /// reads that share its path prefix); absent means any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Let this many matching requests pass before this entry applies (e.g. to fault the
    /// 20th V2 call of a run).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub skip: u32,
    /// For `commit_then_delay`: how long the answer is held (at most 120000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
}

/// The whole fault configuration; a POST replaces it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultConfig {
    pub latency_ms: u64,
    pub error_rate: f64,
    pub throttle_rate: f64,
    pub drop_rate: f64,
    pub fail_next: Vec<FailNext>,
    /// Chance that Q1 answers 400 `CBC.50000045` (another operation on the same quota is in
    /// progress) as the provider may under load. Absent: [`DEFAULT_CONCURRENT_RATE`] once
    /// any of the three rates above is set (fault-injection mode), else 0, so the default
    /// sandbox stays deterministic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrent_rate: Option<f64>,
}

/// The chance of `CBC.50000045` on Q1 in fault-injection mode when not given.
pub const DEFAULT_CONCURRENT_RATE: f64 = 0.1;

impl FaultConfig {
    /// The chance of an injected `CBC.50000045` on Q1.
    pub fn effective_concurrent_rate(&self) -> f64 {
        let mode = self.error_rate > 0.0 || self.throttle_rate > 0.0 || self.drop_rate > 0.0;
        self.concurrent_rate.unwrap_or(if mode { DEFAULT_CONCURRENT_RATE } else { 0.0 })
    }

    fn validate(&self) -> Result<(), Violation> {
        for (name, rate) in [
            ("error_rate", self.error_rate),
            ("throttle_rate", self.throttle_rate),
            ("drop_rate", self.drop_rate),
            ("concurrent_rate", self.concurrent_rate.unwrap_or(0.0)),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err(Violation::new(name, "must be between 0 and 1"));
            }
        }
        if self.latency_ms > 120_000 {
            return Err(Violation::new("latency_ms", "must be between 0 and 120000"));
        }
        if self.fail_next.iter().any(|f| f.delay_ms.is_some_and(|d| d > 120_000)) {
            return Err(Violation::new("delay_ms", "must be between 0 and 120000"));
        }
        Ok(())
    }
}

pub struct Faults {
    inner: Mutex<(FaultConfig, Prng)>,
    /// Its own stream, so the concurrency chance does not shift which requests the rates fail.
    concurrent: Mutex<Prng>,
    seed: u64,
}

impl Faults {
    pub fn new(seed: u64) -> Self {
        Faults {
            inner: Mutex::new((FaultConfig::default(), Prng::derive(seed, 3))),
            concurrent: Mutex::new(Prng::derive(seed, 4)),
            seed,
        }
    }

    pub fn get(&self) -> FaultConfig {
        self.inner.lock().expect("faults lock").0.clone()
    }

    /// Replaces the configuration and restarts the rate PRNG, so a given configuration
    /// always fails the same requests.
    pub fn set(&self, mut config: FaultConfig) {
        config.fail_next.retain(|f| f.count > 0);
        *self.inner.lock().expect("faults lock") = (config, Prng::derive(self.seed, 3));
        *self.concurrent.lock().expect("faults lock") = Prng::derive(self.seed, 4);
    }

    /// Whether this Q1 meets an injected concurrent operation on its quota (`CBC.50000045`).
    pub fn concurrent_collision(&self) -> bool {
        let rate = self.inner.lock().expect("faults lock").0.effective_concurrent_rate();
        rate > 0.0 && self.concurrent.lock().expect("faults lock").unit() < rate
    }

    /// What happens to one request: the latency to add and the fault to inject, if any.
    pub fn decide(&self, path: &str) -> (Duration, Option<FaultKind>) {
        let (latency, fault) = self.decide_with_delay("GET", path);
        (latency, fault.map(|(k, _)| k))
    }

    /// Like [`Faults::decide`], with the `delay_ms` of the `fail_next` entry that applied.
    pub fn decide_with_delay(&self, method: &str, path: &str) -> (Duration, Option<(FaultKind, Option<u64>)>) {
        if path.starts_with(CONTROL_PREFIX) {
            return (Duration::ZERO, None);
        }
        // IAM sign-in is not a BSS path; only a fail_next entry naming it applies to it.
        let bss = !path.starts_with(TOKEN_PATH);
        let mut guard = self.inner.lock().expect("faults lock");
        let (config, prng) = &mut *guard;
        let latency = Duration::from_millis(if bss { config.latency_ms } else { 0 });
        let matches = |f: &FailNext| {
            f.method.as_ref().is_none_or(|m| m.eq_ignore_ascii_case(method))
                && match &f.path_prefix {
                    Some(prefix) => path.starts_with(prefix.as_str()),
                    None => bss,
                }
        };
        let hit = config.fail_next.iter().position(|f| f.skip == 0 && matches(f));
        // Every other matching entry still waiting counts this request.
        for (i, f) in config.fail_next.iter_mut().enumerate() {
            if Some(i) != hit && f.skip > 0 && matches(f) {
                f.skip -= 1;
            }
        }
        if let Some(i) = hit {
            let kind = (config.fail_next[i].kind, config.fail_next[i].delay_ms);
            config.fail_next[i].count -= 1;
            if config.fail_next[i].count == 0 {
                config.fail_next.remove(i);
            }
            return (latency, Some(kind));
        }
        let total = config.drop_rate + config.error_rate + config.throttle_rate;
        if !bss || total <= 0.0 {
            return (latency, None);
        }
        let r = prng.unit();
        let kind = if r < config.drop_rate {
            Some(FaultKind::Drop)
        } else if r < config.drop_rate + config.error_rate {
            Some(FaultKind::ServerError)
        } else if r < total {
            Some(FaultKind::Throttle)
        } else {
            None
        };
        (latency, kind.map(|k| (k, None)))
    }
}

/// A response whose body fails at once: hyper then aborts the connection before the
/// status line is flushed, so the client sees a network error, never a 200.
pub fn dropped() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "dropped (injected)"))
    });
    Response::new(Body::from_stream(stream))
}

/// The status line, the headers and the first bytes of `resp`'s body go out; then the
/// connection is cut. The pause lets hyper flush what it has before the body fails, so the
/// client really has the headers (and must report the broken body as an error).
pub async fn dropped_after_headers(resp: Response) -> Response {
    let (mut parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let head = bytes.slice(..bytes.len().min(16));
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let stream =
        futures_util::stream::iter([Ok::<Bytes, std::io::Error>(head)]).chain(futures_util::stream::once(async {
            tokio::time::sleep(Duration::from_millis(150)).await;
            Err(std::io::Error::new(std::io::ErrorKind::ConnectionAborted, "dropped after the headers (injected)"))
        }));
    Response::from_parts(parts, Body::from_stream(stream))
}

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (latency, fault) = state.faults.decide_with_delay(req.method().as_str(), req.uri().path());
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let Some((kind, delay_ms)) = fault else { return next.run(req).await };
    match kind {
        FaultKind::ServerError => ApiFailure::server_error("internal error (injected)").into_response(),
        FaultKind::Throttle => ApiFailure::throttled().into_response(),
        FaultKind::Drop => dropped(),
        FaultKind::CommitThenFail => {
            let _ = next.run(req).await;
            ApiFailure::server_error("internal error after the request was processed (injected)").into_response()
        }
        FaultKind::CommitThenDrop => dropped_after_headers(next.run(req).await).await,
        FaultKind::CommitThenReset => {
            let _ = next.run(req).await;
            dropped()
        }
        FaultKind::CommitThenDelay => {
            let resp = next.run(req).await;
            tokio::time::sleep(Duration::from_millis(delay_ms.unwrap_or(DEFAULT_COMMIT_DELAY_MS))).await;
            resp
        }
    }
}

// ---- control endpoints ----

pub async fn get_faults(State(state): State<AppState>) -> Json<FaultConfig> {
    Json(state.faults.get())
}

pub async fn set_faults(
    State(state): State<AppState>,
    JsonBody(config): JsonBody<FaultConfig>,
) -> Result<Json<FaultConfig>, ApiFailure> {
    config.validate()?;
    state.faults.set(config);
    Ok(Json(state.faults.get()))
}

pub async fn clear_faults(State(state): State<AppState>) -> Json<FaultConfig> {
    state.faults.set(FaultConfig::default());
    Json(state.faults.get())
}

#[derive(Debug, Deserialize)]
pub struct TokenTtl {
    pub seconds: i64,
}

pub async fn set_token_ttl(
    State(state): State<AppState>,
    JsonBody(ttl): JsonBody<TokenTtl>,
) -> Result<Json<Value>, ApiFailure> {
    if !(0..=10 * 365 * 86_400).contains(&ttl.seconds) {
        return Err(Violation::new("seconds", "must be between 0 and 315360000").into());
    }
    state.set_token_ttl(ttl.seconds);
    Ok(Json(json!({"seconds": ttl.seconds})))
}

pub async fn expire_tokens(State(state): State<AppState>) -> Json<Value> {
    let n = state.expire_all(now());
    Json(json!({"expired": n}))
}

pub async fn health(State(state): State<AppState>) -> Json<Value> {
    Json(json!({"status": "ok", "customers": state.data.customers.len()}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_next_in_order_then_rates() {
        let f = Faults::new(1);
        f.set(FaultConfig {
            fail_next: vec![
                FailNext {
                    kind: FaultKind::Throttle,
                    count: 2,
                    path_prefix: Some("/v2/partners/profile".into()),
                    method: None,
                    skip: 0,
                    delay_ms: None,
                },
                FailNext {
                    kind: FaultKind::ServerError,
                    count: 1,
                    path_prefix: None,
                    method: None,
                    skip: 0,
                    delay_ms: None,
                },
            ],
            ..Default::default()
        });
        assert_eq!(f.decide("/__sandbox/health").1, None);
        assert_eq!(f.decide("/v3/auth/tokens").1, None);
        assert_eq!(f.decide("/v2/partners/sub-customers/query").1, Some(FaultKind::ServerError));
        assert_eq!(f.decide("/v2/partners/sub-customers/query").1, None);
        assert_eq!(f.decide("/v2/partners/profile").1, Some(FaultKind::Throttle));
        assert_eq!(f.decide("/v2/partners/profile").1, Some(FaultKind::Throttle));
        assert_eq!(f.decide("/v2/partners/profile").1, None);

        f.set(FaultConfig { error_rate: 0.5, ..Default::default() });
        let errors = (0..1000).filter(|_| f.decide("/v2/x").1.is_some()).count();
        assert!((400..600).contains(&errors), "{errors}");
        assert_eq!(f.decide("/v3/auth/tokens").1, None);

        // Sign-in fails only when an entry names it.
        let drop_sign_in = FailNext {
            kind: FaultKind::Drop,
            count: 1,
            path_prefix: Some("/v3/auth/tokens".into()),
            method: None,
            skip: 0,
            delay_ms: None,
        };
        f.set(FaultConfig { latency_ms: 5, fail_next: vec![drop_sign_in], ..Default::default() });
        assert_eq!(f.decide("/v3/auth/tokens"), (Duration::ZERO, Some(FaultKind::Drop)));

        assert_eq!(f.decide("/v2/x"), (Duration::from_millis(5), None));

        // A method narrows an entry: reads on the same path prefix do not use it up.
        let post_only = FailNext {
            kind: FaultKind::CommitThenFail,
            count: 1,
            path_prefix: Some("/v2/promotions".into()),
            method: Some("POST".into()),
            skip: 0,
            delay_ms: None,
        };
        f.set(FaultConfig { fail_next: vec![post_only], ..Default::default() });
        assert_eq!(f.decide_with_delay("GET", "/v2/promotions/x").1, None);
        assert_eq!(f.decide_with_delay("post", "/v2/promotions/x").1, Some((FaultKind::CommitThenFail, None)));

        // `skip`: the 3rd and the 5th matching request.
        let nth = |kind, skip| FailNext { kind, count: 1, path_prefix: None, method: None, skip, delay_ms: None };
        f.set(FaultConfig {
            fail_next: vec![nth(FaultKind::ServerError, 2), nth(FaultKind::Throttle, 4)],
            ..Default::default()
        });
        let got: Vec<Option<FaultKind>> = (0..6).map(|_| f.decide("/v2/x").1).collect();
        assert_eq!(got, [None, None, Some(FaultKind::ServerError), None, Some(FaultKind::Throttle), None]);
    }
}
