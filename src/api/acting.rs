//! X2 acting for a customer: one customer token at a time, obtained by assume_role, held in
//! memory only (never storage, URLs or logs: its `Debug` leaves it out), sent only on the
//! endpoints that take a customer token (`Endpoint::CUSTOMER_TOKEN`, through [`Acting::call`]).
//! It ends on "Stop", when the person signs out or another person signs in, when it expires,
//! and when the server refuses it (the customer withdrew the authorisation): the shell's
//! acting bar shows it the whole time.

use super::{use_auth, Api};
use leptos::prelude::*;
use partner_api::acting::{usable, Agency};
use partner_api::endpoint::Endpoint;
use partner_api::time::Instant;
use partner_api::{codes, ApiError};

/// The customer being acted for.
#[derive(Clone, PartialEq)]
pub struct ActingFor {
    pub customer_id: String,
    pub customer_name: String,
    pub account_name: String,
    pub expires_at: Instant,
    token: String,
}

impl std::fmt::Debug for ActingFor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActingFor")
            .field("customer_id", &self.customer_id)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Why acting ended without the person stopping it (shown once by the acting bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Expired,
    Revoked,
}

#[derive(Clone, Copy)]
pub struct Acting {
    current: RwSignal<Option<ActingFor>>,
    pub ended: RwSignal<Option<Ended>>,
}

/// Provided once by the app, next to the session.
pub fn provide_acting() -> Acting {
    let acting = Acting { current: RwSignal::new(None), ended: RwSignal::new(None) };
    let auth = use_auth();
    // The token belongs to the person who obtained it: signing out or in as someone else drops it.
    let user = Memo::new(move |_| auth.session.with(|s| s.as_ref().map(|s| (s.account.clone(), s.user.clone()))));
    Effect::new(move |prev: Option<Option<(String, String)>>| {
        let now = user.get();
        if prev.is_some_and(|p| p != now) {
            acting.current.set(None);
        }
        now
    });
    provide_context(acting);
    acting
}

pub fn use_acting() -> Acting {
    expect_context::<Acting>()
}

impl Acting {
    /// The customer acted for, tracked.
    pub fn current(&self) -> Option<ActingFor> {
        self.current.get()
    }

    /// The customer acted for, untracked (timers and handlers).
    pub fn current_untracked(&self) -> Option<ActingFor> {
        self.current.get_untracked()
    }

    /// Whether acting for this customer, with time left to start a call.
    pub fn is_for(&self, customer_id: &str) -> bool {
        let now = crate::format::now();
        self.current.with(|c| c.as_ref().is_some_and(|a| a.customer_id == customer_id && usable(a.expires_at, now)))
    }

    /// Asks for a token for `agency`'s customer (replacing any other customer's).
    pub async fn start(&self, api: Api, agency: &Agency) -> Result<(), ApiError> {
        let (token, expires_at) = api.assume_role(&agency.domain_name, &agency.agency_name).await?;
        self.ended.set(None);
        self.current.set(Some(ActingFor {
            customer_id: agency.customer_id.clone(),
            customer_name: agency.customer_name.clone(),
            account_name: agency.domain_name.clone(),
            expires_at,
            token,
        }));
        Ok(())
    }

    /// Stops acting: the token is dropped.
    pub fn stop(&self) {
        self.current.set(None);
    }

    /// Called when the bar's clock passes the expiry.
    pub fn expire(&self) {
        if self.current.with_untracked(Option::is_some) {
            self.current.set(None);
            self.ended.set(Some(Ended::Expired));
        }
    }

    /// Sends a customer-token endpoint for the customer acted for. Without a usable token the
    /// answer is `CUSTOMER_TOKEN_EXPIRED` and nothing is sent; a 401 ends acting.
    pub async fn call<E: Endpoint>(&self, api: Api, customer_id: &str, request: &E) -> Result<E::Response, ApiError> {
        let now = crate::format::now();
        let token = self.current.with_untracked(|c| {
            c.as_ref().filter(|a| a.customer_id == customer_id && a.expires_at > now).map(|a| a.token.clone())
        });
        let Some(token) = token else {
            return Err(not_acting());
        };
        let answer = api.call_for_customer(&token, request).await;
        if let Err(e) = &answer {
            if e.code == codes::CUSTOMER_TOKEN_EXPIRED {
                let still = self.current.with_untracked(|c| c.as_ref().is_some_and(|a| a.token == token));
                if still {
                    self.current.set(None);
                    self.ended.set(Some(Ended::Revoked));
                }
            }
        }
        answer
    }
}

fn not_acting() -> ApiError {
    ApiError {
        status: 401,
        code: codes::CUSTOMER_TOKEN_EXPIRED.into(),
        message: "not acting for this customer (no token, or it expired)".into(),
        request_id: None,
    }
}
