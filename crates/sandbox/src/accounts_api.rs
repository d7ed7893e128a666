//! Handlers of customer funds (PARTNER_API.md §3 R2, §4 A1–A5) over `state.accounts`
//! (`accounts.rs`). Who may call: distributors and resellers (service partners 403 `CBC.0151`).

use crate::auth::Caller;
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::store::{AppState, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::{Extension, Json};
use partner_api::accounts::balances::{ListPartnerBalancesRequest, ListPartnerBalancesResponse};
use partner_api::profile::partner_type;

/// Service partners have no partner-funded accounts: 403 `CBC.0151` on R2 and A1–A5.
pub fn require_funds_partner(v: &Viewer) -> Result<(), ApiFailure> {
    if v.partner.partner_type == partner_type::SERVICE_PARTNER {
        Err(ApiFailure::access_denied("service partners have no partner accounts"))
    } else {
        Ok(())
    }
}

/// The partner whose money a call is about: the caller's own, or (a tier-1 passing
/// `indirect_partner_id`) one of its resellers; anything else 400 `CBC.99000037`.
pub fn acting_partner(v: &Viewer, indirect_partner_id: Option<&str>) -> Result<PartnerIx, ApiFailure> {
    require_funds_partner(v)?;
    match indirect_partner_id {
        Some(id) => v.reseller(id),
        None => Ok(v.partner_ix),
    }
}

/// R2 ListPartnerBalances.
pub async fn balances(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(req): QueryParams<ListPartnerBalancesRequest>,
) -> Result<Json<ListPartnerBalancesResponse>, ApiFailure> {
    req.check()?;
    let v = Viewer::new(&state.data, caller.user);
    let p = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    Ok(Json(state.accounts.partner_balances(p).to_response(&state.data.partners[p].id)))
}
