//! One HTTP client over gloo-net with one error policy (X3):
//! - every failure becomes a typed [`ApiError`] with code and request id;
//! - a 200 carrying a CBC failure code is an error too;
//! - 401 opens the re-sign-in dialog and, once signed in, the same call is sent again;
//! - reads (never writes) are retried on 429 with backoff;
//! - every call has a timeout, after which the fetch is aborted.

use super::early::EarlyReads;
use super::session::Auth;
use crate::config::RuntimeConfig;
use crate::i18n::Locale;
use futures::future::{select, Either};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::*;
use partner_api::auth::{self, TokenRequest, TokenResponse};
use partner_api::endpoint::{Endpoint, Paged, Rows, Slice, Verb};
use partner_api::error::{business_failure, parse_error};
use partner_api::time::{parse_wire, Instant};
use partner_api::ApiError;
use serde::de::DeserializeOwned;

thread_local! {
    /// First reads of pages being opened (early.rs).
    static EARLY: EarlyReads<Reply> = const { EarlyReads::new() };
}

const MAX_THROTTLE_RETRIES: u32 = 3;
const BACKOFF_START_MS: u32 = 500;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Base {
    Api,
    Iam,
}

/// Which token a call carries.
#[derive(Clone)]
enum Token {
    /// None (password sign-in).
    None,
    /// The signed-in person's (a 401 asks for the password again and resends).
    Partner,
    /// A customer's (assume_role, X2): a 401 ends acting for the customer, never the session.
    Customer(String),
}

struct Call {
    method: Method,
    base: Base,
    path: String,
    body: Option<String>,
    /// Safe to send again (reads); writes are never resent automatically.
    read: bool,
    token: Token,
}

impl Call {
    /// What makes two calls the same read: who asks (an answer never passes to the next
    /// person signing in), path, query and body (some reads are POSTs).
    fn key(&self, token: Option<String>) -> String {
        format!("{}\n{}\n{}", token.unwrap_or_default(), self.path, self.body.as_deref().unwrap_or_default())
    }
}

#[derive(Clone)]
struct Reply {
    status: u16,
    request_id: Option<String>,
    subject_token: Option<String>,
    text: String,
}

/// `Copy`, so closures and tasks take it by value: the config lives for the whole app.
#[derive(Clone, Copy)]
pub struct Api {
    config: &'static RuntimeConfig,
    auth: Auth,
    locale: RwSignal<Locale>,
}

impl Api {
    /// Made once when the app starts; the config is leaked on purpose (it lives as long as the
    /// page) so that the client is `Copy`.
    pub fn new(config: RuntimeConfig, auth: Auth, locale: RwSignal<Locale>) -> Self {
        Api { config: Box::leak(Box::new(config)), auth, locale }
    }

    pub fn config(&self) -> &'static RuntimeConfig {
        self.config
    }

    /// Sends one endpoint of the contract: its verb, path, query and body come from the request
    /// type, and reads (never writes) are retried on 429. A read the page's opening already
    /// started (early.rs) is not sent again: its answer is taken.
    pub async fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response, ApiError> {
        // An endpoint that takes the customer's token is sent by `call_for_customer` only.
        const { assert!(!E::CUSTOMER_TOKEN, "a customer-token endpoint: use Acting::call") };
        let call = call_of(request);
        if E::READ {
            if let Some(answer) = EARLY.with(|e| e.take(&call.key(self.auth.token()))) {
                return decode(answer.await?);
            }
        }
        decode(self.run(call).await?)
    }

    /// Sends an endpoint that takes the customer's token (O5–O7) with `token`, the customer
    /// token of `api::acting` (which calls this). Never retried after a 401: the answer is
    /// `CUSTOMER_TOKEN_EXPIRED`, and the partner's own session is left alone.
    pub(crate) async fn call_for_customer<E: Endpoint>(
        &self,
        token: &str,
        request: &E,
    ) -> Result<E::Response, ApiError> {
        const { assert!(E::CUSTOMER_TOKEN, "a partner endpoint: use Api::call") };
        let mut call = call_of(request);
        call.token = Token::Customer(token.to_string());
        let reply = self.run(call).await?;
        decode(reply)
    }

    /// X2 assume_role: a token for the customer `domain_name` through `agency_name`, asked with
    /// the partner's own token (a 401 asks for the password and resends, like any partner call).
    pub(crate) async fn assume_role(
        &self,
        domain_name: &str,
        agency_name: &str,
    ) -> Result<(String, Instant), ApiError> {
        let body = serde_json::to_string(&TokenRequest::assume_role(domain_name, agency_name))
            .map_err(|e| ApiError::network(e.to_string()))?;
        let call = Call {
            method: Method::POST,
            base: Base::Iam,
            path: format!("{}?nocatalog=true", auth::TOKEN_PATH),
            body: Some(body),
            read: false,
            token: Token::Partner,
        };
        token_of(self.run(call).await?)
    }

    /// Sends a read now, for the page being opened, whose own identical call takes the answer.
    /// Nothing is sent signed out (the sign-in page is on its way; a 401 would ask for a password).
    pub fn start_early<E: Endpoint>(&self, request: &E) {
        if !E::READ || E::CUSTOMER_TOKEN || self.auth.token().is_none() {
            return;
        }
        let (api, call) = (*self, call_of(request));
        let key = call.key(self.auth.token());
        EARLY.with(|e| e.start(key, Box::pin(async move { api.run(call).await })));
    }

    /// [`Api::start_early`] of one page of a list, as [`Api::page`] will ask for it.
    pub fn start_early_page<E: Paged>(&self, request: &E, slice: &Slice) {
        self.start_early(&paged_request(request, slice));
    }

    /// One page of a list endpoint as the table asks for it (page and sort set on a copy).
    pub async fn page<E: Paged>(&self, request: &E, slice: &Slice) -> Result<Rows<E::Row>, ApiError> {
        let (rows, total) = E::rows(self.call(&paged_request(request, slice)).await?);
        Ok(Rows { rows, total })
    }

    /// Every row of a list, page by page at the largest page size (for short lists the app
    /// must see whole, such as one customer's records since an attempt).
    pub async fn all_pages<E: Paged>(&self, request: &E) -> Result<Vec<E::Row>, ApiError> {
        let mut out = Vec::new();
        let limit = partner_api::page::MAX_LIMIT;
        loop {
            let slice = Slice { offset: out.len() as u64, limit, sort: vec![] };
            let page = self.page(request, &slice).await?;
            let n = page.rows.len() as u32;
            out.extend(page.rows);
            if n < limit || out.len() as u64 >= page.total {
                return Ok(out);
            }
        }
    }

    /// IAM password sign-in: returns the token (from `X-Subject-Token`) and its expiry.
    pub async fn sign_in(&self, account: &str, user: &str, password: &str) -> Result<(String, Instant), ApiError> {
        let body = serde_json::to_string(&TokenRequest::password(account, user, password))
            .map_err(|e| ApiError::network(e.to_string()))?;
        let call = Call {
            method: Method::POST,
            base: Base::Iam,
            path: format!("{}?nocatalog=true", auth::TOKEN_PATH),
            body: Some(body),
            read: false,
            token: Token::None,
        };
        token_of(self.run(call).await?)
    }

    async fn run(&self, call: Call) -> Result<Reply, ApiError> {
        let mut throttled = 0;
        loop {
            let token = match &call.token {
                Token::None => None,
                Token::Partner => self.auth.token(),
                Token::Customer(t) => Some(t.clone()),
            };
            let reply = self.send_once(&call, token.as_deref()).await?;
            match reply.status {
                200..=299 => return Ok(reply),
                401 if matches!(call.token, Token::Customer(_)) => {
                    let mut e = error_of(&reply);
                    e.code = partner_api::codes::CUSTOMER_TOKEN_EXPIRED.into();
                    return Err(e);
                }
                401 if matches!(call.token, Token::Partner) => {
                    // Keep everything on the page; ask for the password, then send again.
                    if self.auth.wait_for_reauth().await {
                        continue;
                    }
                    return Err(error_of(&reply));
                }
                429 if call.read && throttled < MAX_THROTTLE_RETRIES => {
                    gloo_timers::future::TimeoutFuture::new(BACKOFF_START_MS << throttled).await;
                    throttled += 1;
                }
                _ => return Err(error_of(&reply)),
            }
        }
    }

    async fn send_once(&self, call: &Call, token: Option<&str>) -> Result<Reply, ApiError> {
        let base = match call.base {
            Base::Api => &self.config.api_base_url,
            Base::Iam => &self.config.iam_base_url,
        };
        let url = format!("{base}{}", call.path);
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        let mut builder = RequestBuilder::new(&url)
            .method(call.method.clone())
            .header("Content-Type", "application/json;charset=UTF-8")
            .header("X-Language", self.locale.get_untracked().api_language())
            .abort_signal(signal.as_ref());
        if let Some(t) = token {
            builder = builder.header(auth::AUTH_TOKEN_HEADER, t);
        }
        let request = match &call.body {
            Some(b) => builder.body(b.clone()),
            None => builder.build(),
        }
        .map_err(|e| ApiError::network(e.to_string()))?;

        let fetch = Box::pin(async move {
            let resp = request.send().await.map_err(|e| ApiError::network(e.to_string()))?;
            read_reply(resp).await
        });
        let timeout = gloo_timers::future::TimeoutFuture::new(self.config.request_timeout_ms);
        match select(fetch, timeout).await {
            Either::Left((result, _)) => result,
            Either::Right(_) => {
                if let Some(c) = controller {
                    c.abort();
                }
                Err(ApiError::timeout())
            }
        }
    }
}

fn call_of<E: Endpoint>(request: &E) -> Call {
    let method = match E::VERB {
        Verb::Get => Method::GET,
        Verb::Post => Method::POST,
        Verb::Put => Method::PUT,
        Verb::Delete => Method::DELETE,
    };
    Call {
        method,
        base: Base::Api,
        path: request.path_and_query(),
        body: request.body(),
        read: E::READ,
        token: Token::Partner,
    }
}

/// The token of a 201 from IAM (`X-Subject-Token`) and its expiry.
fn token_of(reply: Reply) -> Result<(String, Instant), ApiError> {
    let request_id = reply.request_id.clone();
    let token = reply.subject_token.clone().ok_or_else(|| ApiError {
        status: reply.status,
        code: "NO_TOKEN".into(),
        message: "the token answer carried no readable X-Subject-Token header".into(),
        request_id: request_id.clone(),
    })?;
    let body: TokenResponse = decode(reply)?;
    let expires_at = parse_wire(&body.token.expires_at).ok_or_else(|| ApiError {
        status: 201,
        code: "BAD_EXPIRY".into(),
        message: format!("unreadable expires_at {}", body.token.expires_at),
        request_id,
    })?;
    Ok((token, expires_at))
}

fn paged_request<E: Paged>(request: &E, slice: &Slice) -> E {
    let mut request = request.clone();
    request.set_page(slice.offset, slice.limit);
    request.set_sort(&slice.sort);
    request
}

async fn read_reply(resp: Response) -> Result<Reply, ApiError> {
    let headers = resp.headers();
    if let Some(date) = headers.get("date") {
        super::server_clock::note(&date);
    }
    let request_id = headers.get(auth::REQUEST_ID_HEADER);
    let subject_token = headers.get(auth::SUBJECT_TOKEN_HEADER);
    let status = resp.status();
    let text = resp.text().await.map_err(|e| ApiError::network(e.to_string()))?;
    Ok(Reply { status, request_id, subject_token, text })
}

fn error_of(reply: &Reply) -> ApiError {
    parse_error(reply.status, &reply.text, reply.request_id.clone())
}

fn decode<T: DeserializeOwned>(reply: Reply) -> Result<T, ApiError> {
    // A 200 may still be a business failure (HTTP 200 + CBC code).
    if reply.text.contains("\"error_code\"") {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&reply.text) {
            if let Some(e) = business_failure(reply.status, &v, reply.request_id.clone()) {
                return Err(e);
            }
        }
    }
    let text = if reply.text.trim().is_empty() { "null" } else { reply.text.as_str() };
    serde_json::from_str(text).map_err(|e| ApiError {
        status: reply.status,
        code: "BAD_RESPONSE".into(),
        message: format!("unexpected response: {e}"),
        request_id: reply.request_id.clone(),
    })
}
