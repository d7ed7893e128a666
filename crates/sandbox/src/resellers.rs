//! R1 ListIndirectPartners — `POST /v2/partners/indirect-partners/query` (PARTNER_API.md §3).
//! Tier-1 only (others 403 `CBC.0151`); every person of the distributor may list them.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::coupons::require_coupon_partner;
use crate::errors::ApiFailure;
use crate::store::{AppState, Data, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::{Extension, Json};
use chrono::{TimeZone, Utc};
use partner_api::profile::role;
use partner_api::resellers::{IndirectPartner, ListIndirectPartnersRequest, ListIndirectPartnersResponse};
use partner_api::time::Instant;

/// When the n-th reseller was associated (fixed, like the reseller ids).
fn associated_on(n: usize) -> Instant {
    let (y, m, d) = [(2023, 3, 15), (2024, 1, 8), (2024, 9, 20)].get(n).copied().unwrap_or((2025, 1, 1));
    Utc.with_ymd_and_hms(y, m, d, 2, 0, 0).single().expect("valid time")
}

pub fn row(data: &Data, distributor: PartnerIx, n: usize, r: PartnerIx) -> IndirectPartner {
    let p = &data.partners[r];
    let ams: Vec<usize> = data.partners[distributor]
        .users
        .iter()
        .copied()
        .filter(|&u| data.users[u].role == role::ACCOUNT_MANAGER)
        .collect();
    let am = (!ams.is_empty()).then(|| &data.users[ams[(n * 3) % ams.len()]]);
    IndirectPartner {
        indirect_partner_id: p.id.clone(),
        name: Some(p.name.clone()),
        account_name: Some(p.account.clone()),
        mobile_phone: Some(format!("138****{:04}", 1001 + n * 111)),
        email: Some(format!("partner***@{}.com", p.account.replace('_', "-"))),
        associated_on: Some(associated_on(n)),
        account_manager_id: am.map(|u| u.name.clone()),
        account_manager_name: am.map(|u| u.display_name.clone()),
    }
}

pub async fn query(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ListIndirectPartnersRequest>,
) -> Result<Json<ListIndirectPartnersResponse>, ApiFailure> {
    let f = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    if !v.is_distributor() {
        return Err(ApiFailure::access_denied("only a tier-1 distributor may list resellers"));
    }
    let name = req.account_name.as_ref().map(|s| s.to_lowercase());
    let (b, e) = f.associated_on;
    let rows: Vec<IndirectPartner> = v
        .partner
        .resellers
        .iter()
        .enumerate()
        .map(|(n, &r)| row(data, v.partner_ix, n, r))
        .filter(|r| {
            let at = r.associated_on.expect("set above");
            name.as_ref()
                .is_none_or(|q| r.account_name.as_deref().is_some_and(|a| a.to_lowercase().contains(q.as_str())))
                && req.indirect_partner_id.as_ref().is_none_or(|id| &r.indirect_partner_id == id)
                && b.is_none_or(|b| at >= b)
                && e.is_none_or(|e| at < e)
        })
        .collect();
    let page = rows[f.page.range(rows.len())].to_vec();
    Ok(Json(ListIndirectPartnersResponse { count: Some(rows.len() as u64), indirect_partners: page }))
}
