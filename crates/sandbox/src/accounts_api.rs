//! Handlers of customer funds (PARTNER_API.md §3 R2, §4 A1–A5) over `state.accounts`
//! (`accounts.rs`). Who may call: distributors and resellers (service partners 403 `CBC.0151`);
//! a tier-1 acts for one of its resellers with `indirect_partner_id` (another 400
//! `CBC.99000037`). A3/A5 (the record lists) are in `accounts_records.rs`.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::store::{AppState, CustomerIx, Data, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use partner_api::accounts::adjust::{
    ReclaimToPartnerAccountRequest, ReclaimToPartnerAccountResponse, UpdateCustomerAccountAmountRequest,
    UpdateCustomerAccountAmountResponse,
};
use partner_api::accounts::balances::{
    CustomerBalance, ListCustomersBalancesDetailRequest, ListCustomersBalancesDetailResponse,
    ListPartnerBalancesRequest, ListPartnerBalancesResponse,
};
use partner_api::codes;
use partner_api::customers::association_type;
use partner_api::money::MEASURE_YUAN;
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

/// The resale customer an A1/A2/A4 call names, among the acting partner's customers this
/// person may see: another partner's (or unknown) 400 `CBC.99000035`; one of the partner's the
/// person may not see (an account manager's colleague's) 400 `CBC.99000000`; a referral
/// customer, which has no partner-funded account, 400 `CBC.99000047`.
pub fn funded_customer(data: &Data, v: &Viewer, acting: PartnerIx, id: &str) -> Result<CustomerIx, ApiFailure> {
    let c = data
        .customer_by_id
        .get(id)
        .copied()
        .filter(|&c| data.customer(c).partner == acting)
        .ok_or_else(ApiFailure::not_sub_customer)?;
    let cu = data.customer(c);
    if !v.can_see(cu) {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            codes::NO_CUSTOMER_PERMISSION,
            "no permission to operate on this customer",
        ));
    }
    if cu.association_type != association_type::RESALE {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            codes::NO_FUNDED_ACCOUNT,
            "the customer has no partner-funded account (referral customers cannot be adjusted)",
        ));
    }
    Ok(c)
}

/// A1 UpdateCustomerAccountAmount: check and move under the ledger's one lock, so parallel
/// calls never overdraw (`Ledger::allocate`). Injected faults apply around it (`faults::layer`):
/// `commit_then_*` moves the money and then loses the answer.
pub async fn adjust(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<UpdateCustomerAccountAmountRequest>,
) -> Result<Json<UpdateCustomerAccountAmountResponse>, ApiFailure> {
    let amount = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let p = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let c = funded_customer(data, &v, p, &req.customer_id)?;
    let at = state.vouchers.now();
    let transfer_id = state.accounts.ledger().allocate(data, p, c, amount, at)?;
    Ok(Json(UpdateCustomerAccountAmountResponse { transfer_id }))
}

/// A2 ReclaimToPartnerAccount: at most the customer's balance, under the same lock.
pub async fn reclaim(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ReclaimToPartnerAccountRequest>,
) -> Result<Json<ReclaimToPartnerAccountResponse>, ApiFailure> {
    let amount = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let p = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let c = funded_customer(data, &v, p, &req.customer_id)?;
    let at = state.vouchers.now();
    let trans_id = state.accounts.ledger().reclaim(data, p, c, amount, at)?;
    Ok(Json(ReclaimToPartnerAccountResponse { trans_id }))
}

/// A4 ListCustomersBalancesDetail: the balances of the named customers that are the acting
/// partner's resale customers this person sees, in the order asked; the others are left out
/// silently (the contract's "non-resale customers silently filtered out").
pub async fn customer_balances(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ListCustomersBalancesDetailRequest>,
) -> Result<Json<ListCustomersBalancesDetailResponse>, ApiFailure> {
    req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let p = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let ledger = state.accounts.ledger();
    let currency = ledger.partners[p].currency;
    let customer_balances = req
        .customer_infos
        .iter()
        .filter_map(|info| funded_customer(data, &v, p, &info.customer_id).ok())
        .map(|c| {
            let acc = ledger.customer(data, c);
            CustomerBalance {
                customer_id: data.customer(c).id.clone(),
                amount: acc.balance,
                debt_amount: acc.debt,
                currency: currency.to_string(),
                measure_id: MEASURE_YUAN,
            }
        })
        .collect();
    Ok(Json(ListCustomersBalancesDetailResponse { customer_balances }))
}
