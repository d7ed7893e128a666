//! Q1–Q4 (PARTNER_API.md §7): a distributor issues quotas to its resellers, reclaims them,
//! and lists them and their records. Tier-1 token only (others 403 `CBC.0151`); Q1/Q2
//! additionally need the partner's ADMIN.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::coupons::{quota_row, require_coupon_partner};
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::store::{AppState, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use partner_api::coupons::{codes, quota_status};
use partner_api::error::ErrorDetail;
use partner_api::profile::role;
use partner_api::quotas::*;
use partner_api::Amount;

fn require_distributor(v: &Viewer) -> Result<(), ApiFailure> {
    require_coupon_partner(v)?;
    if v.is_distributor() {
        Ok(())
    } else {
        Err(ApiFailure::access_denied("only a tier-1 distributor may manage reseller quotas"))
    }
}

fn require_admin(v: &Viewer) -> Result<(), ApiFailure> {
    if v.is_admin() {
        Ok(())
    } else {
        Err(ApiFailure::access_denied(format!("only the partner {} may issue or reclaim reseller quotas", role::ADMIN)))
    }
}

fn bad(code: &'static str, msg: impl Into<String>) -> ApiFailure {
    ApiFailure::new(StatusCode::BAD_REQUEST, code, msg)
}

// ---- Q1 ----

pub async fn issue(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<UpdateCouponQuotasRequest>,
) -> Result<Json<UpdateCouponQuotasResponse>, ApiFailure> {
    let amount = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_distributor(&v)?;
    require_admin(&v)?;
    let missing = || bad(codes::QUOTA_MISSING, format!("quota {} does not exist", req.quota_id));
    if state.vouchers.ledger().quota(&req.quota_id).is_none() {
        return Err(missing());
    }
    // Q1 documents CBC.50000045: a busy quota is refused, not waited for. Fault injection
    // may also play a concurrent operation (faults.rs `concurrent_rate`).
    let lock = state.vouchers.op_lock(&req.quota_id);
    let op = lock.try_lock_owned().ok().filter(|_| !state.faults.concurrent_collision());
    let Some(_op) = op else {
        let msg = "another operation on the same quota is in progress; try again";
        return Err(bad(codes::CONCURRENT_QUOTA_OPERATION, msg));
    };
    let mut ledger = state.vouchers.ledger();
    let now = state.vouchers.now();
    let q = ledger.quota(&req.quota_id).ok_or_else(missing)?;
    let quota = &ledger.quotas[q];
    if quota.owner != v.partner_ix || quota.parent.is_some() {
        return Err(missing());
    }
    if quota.status != quota_status::NORMAL {
        let msg = format!("quota {} has status {}, which does not allow issuing", quota.id, quota.status);
        return Err(bad(codes::QUOTA_STATUS_NOT_ALLOWED, msg));
    }
    if now < quota.effective_time || now >= quota.expire_time {
        return Err(bad(codes::QUOTA_NOT_EFFECTIVE, format!("quota {} is not in effect", quota.id)));
    }
    let mut resp = UpdateCouponQuotasResponse::default();
    let mut targets: Vec<(PartnerIx, &String)> = Vec::new();
    for id in &req.indirect_partner_ids {
        match v.reseller(id) {
            Ok(_) if state.exiting_resellers.contains(id) => resp.error_details.push(ErrorDetail {
                error_code: partner_api::quotas::codes::RESELLER_EXITING.into(),
                error_msg: format!("reseller {id} is exiting and cannot receive quotas"),
                id: id.clone(),
            }),
            Ok(r) => targets.push((r, id)),
            Err(e) => {
                resp.error_details.push(ErrorDetail { error_code: e.code.into(), error_msg: e.msg, id: id.clone() })
            }
        }
    }
    // The balance must cover every reseller (Q1 lists CBC.99000013 as a 400: all or none).
    let total = Amount(amount.0 * rust_decimal::Decimal::from(targets.len() as u64));
    if total > quota.balance {
        let msg = format!("the quota balance {} does not cover {} × {amount}", quota.balance, targets.len());
        return Err(bad(codes::INSUFFICIENT_QUOTA, msg));
    }
    for (r, id) in targets {
        let child = ledger.issue_quota(q, v.partner_ix, r, amount, &v.user.name, now);
        resp.simple_quota_infos.push(SimpleQuotaInfo { id: id.clone(), quota_id: ledger.quotas[child].id.clone() });
    }
    Ok(Json(resp))
}

// ---- Q2 ----

pub async fn reclaim(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ReclaimCouponQuotasRequest>,
) -> Result<Json<ReclaimCouponQuotasResponse>, ApiFailure> {
    req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_distributor(&v)?;
    require_admin(&v)?;
    // Lock every child quota named and their parents, in id order.
    let involved: Vec<String> = {
        let ledger = state.vouchers.ledger();
        req.quota_ids
            .iter()
            .filter_map(|id| ledger.quota(id))
            .flat_map(|i| [Some(ledger.quotas[i].id.clone()), ledger.quotas[i].parent.clone()])
            .flatten()
            .collect()
    };
    let _ops = state.vouchers.lock_all(&involved).await;
    let mut ledger = state.vouchers.ledger();
    let now = state.vouchers.now();
    let mut resp = ReclaimCouponQuotasResponse::default();
    let remark = req.remark.clone().filter(|r| !r.is_empty());
    for id in &req.quota_ids {
        let fail = |resp: &mut ReclaimCouponQuotasResponse, msg: String| {
            let e = ErrorDetail { error_code: codes::QUOTA_MISSING.into(), error_msg: msg, id: id.clone() };
            resp.error_details.push(e);
        };
        let child = ledger.quota(id).filter(|&i| {
            let q = &ledger.quotas[i];
            q.parent.is_some() && data.partners[q.owner].parent == Some(v.partner_ix)
        });
        let Some(child) = child else {
            fail(&mut resp, format!("quota {id} is not a quota you issued to a reseller"));
            continue;
        };
        let status = ledger.quotas[child].status;
        if !matches!(status, quota_status::NORMAL | quota_status::INVALID | quota_status::FROZEN) {
            fail(&mut resp, format!("quota {id} has status {status} and cannot be reclaimed"));
            continue;
        }
        ledger.reclaim_quota(child, v.partner_ix, &v.user.name, now, remark.clone());
        resp.simple_quota_infos
            .push(ReclaimedQuotaInfo { quota_id: id.clone(), quota_balance: ledger.quotas[child].balance });
    }
    Ok(Json(resp))
}

// ---- Q3 ----

pub async fn issued(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<ListIssuedCouponQuotasRequest>,
) -> Result<Json<ListIssuedCouponQuotasResponse>, ApiFailure> {
    let req = query;
    let page = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_distributor(&v)?;
    let reseller = req.indirect_partner_id.as_deref().map(|id| v.reseller(id)).transpose()?;
    let ledger = state.vouchers.ledger();
    let mut rows: Vec<_> = ledger
        .quotas
        .iter()
        .filter(|q| {
            q.parent.is_some()
                && data.partners[q.owner].parent == Some(v.partner_ix)
                && reseller.is_none_or(|r| q.owner == r)
                && req.quota_id.as_ref().is_none_or(|id| &q.id == id)
                && req.parent_quota_id.as_ref().is_none_or(|p| q.parent.as_ref() == Some(p))
        })
        .collect();
    rows.sort_by(|a, b| b.create_time.cmp(&a.create_time).then_with(|| b.id.cmp(&a.id)));
    let quotas = rows[page.range(rows.len())]
        .iter()
        .map(|q| {
            let base = quota_row(q);
            let r = &data.partners[q.owner];
            IssuedCouponQuota {
                quota_id: base.quota_id,
                quota_type: base.quota_type,
                create_time: base.create_time,
                last_update_time: base.last_update_time,
                quota_value: base.quota_value,
                quota_status: base.quota_status,
                balance: base.balance,
                measure_id: base.measure_id,
                currency: base.currency,
                effective_time: base.effective_time,
                expire_time: base.expire_time,
                limit_infos: base.limit_infos,
                indirect_partner_id: r.id.clone(),
                indirect_partner_account_name: Some(r.account.clone()),
                indirect_partner_name: Some(r.name.clone()),
                parent_quota_id: q.parent.clone().unwrap_or_default(),
            }
        })
        .collect();
    Ok(Json(ListIssuedCouponQuotasResponse { total_count: Some(rows.len() as u64), quotas }))
}

// ---- Q4 ----

pub async fn records(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<ListCouponQuotasRecordsRequest>,
) -> Result<Json<ListCouponQuotasRecordsResponse>, ApiFailure> {
    let req = query;
    let f = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_distributor(&v)?;
    let reseller = req.indirect_partner_id.as_deref().map(|id| v.reseller(id)).transpose()?;
    let (b, e) = f.operation_time;
    let ledger = state.vouchers.ledger();
    let mut rows: Vec<_> = ledger
        .quota_records
        .iter()
        .filter(|r| {
            r.distributor == v.partner_ix
                && reseller.is_none_or(|x| r.reseller == x)
                && req.quota_id.as_ref().is_none_or(|id| &r.quota_id == id)
                && req.parent_quota_id.as_ref().is_none_or(|p| &r.parent_quota_id == p)
                && req.operation_type.as_deref().is_none_or(|t| r.operation_type == t)
                && b.is_none_or(|b| r.time >= b)
                && e.is_none_or(|e| r.time < e)
        })
        .collect();
    rows.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.id.cmp(&a.id)));
    let records = rows[f.page.range(rows.len())]
        .iter()
        .map(|r| {
            let p = &data.partners[r.reseller];
            QuotaRecord {
                id: r.id.to_string(),
                operator: r.operator.clone(),
                operation_type: r.operation_type.into(),
                quota_id: r.quota_id.clone(),
                parent_quota_id: r.parent_quota_id.clone(),
                amount: r.amount,
                operation_time: r.time,
                result: r.result.into(),
                indirect_partner_id: p.id.clone(),
                indirect_partner_account_name: Some(p.account.clone()),
                indirect_partner_name: Some(p.name.clone()),
                remark: r.remark.clone(),
            }
        })
        .collect();
    Ok(Json(ListCouponQuotasRecordsResponse { total_count: Some(rows.len() as u64), records }))
}
