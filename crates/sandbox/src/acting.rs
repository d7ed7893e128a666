//! X2 acting for a customer (PARTNER_API.md §1.4, docs/contracts/act-for-customer.md): IAM's
//! assume_role on `POST /v3/auth/tokens`, the customer tokens it gives, and who may hold one.
//!
//! A partner person gets a token for a customer when:
//! - the call carries their own valid token (`X-Auth-Token`), else 401;
//! - the customer is a direct resale customer of their partner that they may see, and
//!   `agency_name` is the partner's platform id (`xaccount_type`); otherwise, and for referral
//!   customers (who pay for themselves), 403 `IAM.1101` (no agency);
//! - the customer's act-for-customer authorisation stands: the latest 代客授权 event (S13) is
//!   not pending, cancelled or rejected (403 `IAM.1102`) nor expired (403 `IAM.1103`). A
//!   customer without such an event authorised the partner when associated.
//!
//! `POST /__sandbox/act-for {customer_id, state}` sets a customer's authorisation
//! (`granted` | `not_authorized` | `expired`) for tests; any change but `granted` revokes the
//! customer's tokens at once (IAM drops tokens when permissions change), so a flow under way
//! meets a 401 on its next customer call.

use crate::auth::{iam_time, now, Caller};
use crate::body::JsonBody;
use crate::errors::{ApiFailure, Keystone};
use crate::store::{AppState, CustomerIx, Session};
use crate::visibility::Viewer;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Duration;
use partner_api::association::{event_type, status as st};
use partner_api::auth::{AssumedBy, Named, TokenInfo, TokenRequest, TokenResponse, TokenUser, SUBJECT_TOKEN_HEADER};
use partner_api::codes;
use partner_api::validate::Violation;
use serde::Deserialize;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Mutex;

/// Set through `/__sandbox/act-for`; absent means "as the association events say".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Authorisation {
    Granted,
    NotAuthorized,
    Expired,
}

#[derive(Default)]
pub struct Overrides(Mutex<HashMap<CustomerIx, Authorisation>>);

impl Overrides {
    fn get(&self, c: CustomerIx) -> Option<Authorisation> {
        self.0.lock().expect("act-for lock").get(&c).copied()
    }
}

/// An IAM refusal: Keystone's nested `error` plus the code the console reads.
fn refused(status: StatusCode, code: &'static str, msg: &str) -> Response {
    let body = json!({
        "error_code": code,
        "error_msg": msg,
        "error": {"code": status.as_u16(), "message": msg, "title": status.canonical_reason().unwrap_or("Error")},
    });
    (status, Json(body)).into_response()
}

fn no_agency() -> Response {
    refused(StatusCode::FORBIDDEN, codes::AGENCY_NOT_FOUND, "No agency of this partner exists for the customer.")
}

/// The authorisation of one customer as of now.
fn authorisation(state: &AppState, c: CustomerIx) -> Authorisation {
    if let Some(a) = state.acting.get(c) {
        return a;
    }
    let t = state.vouchers.now();
    let book = state.association.book();
    let latest = book
        .events
        .iter()
        .filter(|e| e.customer == c && e.kind == event_type::ACT_FOR_CUSTOMER)
        .max_by_key(|e| e.created);
    match latest.map(|e| crate::association_book::effective(e, t)) {
        None | Some(st::AUTHORIZED) => Authorisation::Granted,
        Some(st::EXPIRED) => Authorisation::Expired,
        Some(_) => Authorisation::NotAuthorized,
    }
}

/// `POST /v3/auth/tokens` with `methods: ["assume_role"]` (called from `auth::sign_in`).
pub fn assume_role(state: &AppState, headers: &HeaderMap, req: TokenRequest) -> Response {
    let token = headers.get(partner_api::auth::AUTH_TOKEN_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("").trim();
    let Some(session) = state.session(token).filter(|s| s.customer.is_none() && now() < s.expires_at) else {
        return Keystone::new(StatusCode::UNAUTHORIZED, "The request you have made requires authentication.")
            .into_response();
    };
    let Some(ar) = req.auth.identity.assume_role else {
        return Keystone::bad_request("Expecting to find assume_role in identity.").into_response();
    };
    let data = &state.data;
    let customer = match (&ar.domain_name, &ar.domain_id) {
        (Some(name), _) => data.customers.iter().position(|c| &c.account_name == name),
        (None, Some(id)) => data.customer_by_id.get(id).map(|&ix| ix as usize),
        (None, None) => return Keystone::bad_request("Expecting to find domain_name or domain_id.").into_response(),
    };
    let v = Viewer::new(data, session.user);
    let Some(ix) = customer.map(|i| i as CustomerIx) else { return no_agency() };
    let c = data.customer(ix);
    let own = c.partner == v.partner_ix && v.can_see(c);
    if !own || c.association_type != "2" || ar.agency_name != v.partner.xaccount_type {
        return no_agency();
    }
    match authorisation(state, ix) {
        Authorisation::Granted => {}
        Authorisation::NotAuthorized => {
            return refused(
                StatusCode::FORBIDDEN,
                codes::AGENCY_NOT_AUTHORIZED,
                "The customer has not authorised the partner to act for them.",
            )
        }
        Authorisation::Expired => {
            return refused(StatusCode::FORBIDDEN, codes::AGENCY_EXPIRED, "The customer's authorisation has expired.")
        }
    }
    let issued = now();
    let expires = (issued + Duration::seconds(state.token_ttl())).min(session.expires_at);
    let token = crate::auth::new_token();
    state.add_session(token.clone(), Session { user: session.user, expires_at: expires, customer: Some(ix) });
    let u = &data.users[session.user];
    let p = &data.partners[u.partner];
    let customer_domain = Named { id: c.id.clone(), name: c.account_name.clone() };
    let info = TokenInfo {
        expires_at: iam_time(&expires),
        issued_at: iam_time(&issued),
        methods: vec![partner_api::auth::METHOD_ASSUME_ROLE.into()],
        domain: Some(customer_domain.clone()),
        roles: vec![Named { id: format!("{:016x}", crate::prng::mix(ix as u64)), name: ar.agency_name.clone() }],
        user: TokenUser {
            id: c.xaccount_id.clone(),
            name: format!("{}/{}", c.account_name, ar.agency_name),
            domain: customer_domain,
            password_expires_at: None,
        },
        assumed_by: Some(AssumedBy {
            user: TokenUser {
                id: u.id.clone(),
                name: u.name.clone(),
                domain: Named { id: p.id.clone(), name: p.account.clone() },
                password_expires_at: Some(String::new()),
            },
        }),
    };
    let body = serde_json::to_value(TokenResponse { token: info }).expect("token serializes");
    (StatusCode::CREATED, [(SUBJECT_TOKEN_HEADER, token)], Json(body)).into_response()
}

/// The customer behind a customer token (put in extensions by `auth::require_customer_token`).
#[derive(Debug, Clone, Copy)]
pub struct ForCustomer {
    pub customer: CustomerIx,
    /// The partner's person acting.
    pub by: Caller,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAuthorisation {
    pub customer_id: String,
    pub state: Authorisation,
}

/// `POST /__sandbox/act-for`.
pub async fn set(
    axum::extract::State(state): axum::extract::State<AppState>,
    JsonBody(body): JsonBody<SetAuthorisation>,
) -> Result<Json<serde_json::Value>, ApiFailure> {
    let ix = *state
        .data
        .customer_by_id
        .get(&body.customer_id)
        .ok_or_else(|| ApiFailure::invalid(Violation::new("customer_id", "is not a seeded customer")))?;
    state.acting.0.lock().expect("act-for lock").insert(ix, body.state);
    let revoked = if body.state == Authorisation::Granted { 0 } else { state.revoke_customer_tokens(ix) };
    Ok(Json(json!({"customer_id": body.customer_id, "revoked_tokens": revoked})))
}
